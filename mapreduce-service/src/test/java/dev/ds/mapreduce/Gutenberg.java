package dev.ds.mapreduce;

import dev.ds.mapreduce.sample.SampleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The books the MapReduce tests read: the folder named by {@code -Dds.gutenberg} or the environment
 * variable {@code DS_GUTENBERG}; else the 6.824 books in a {@code shared/data/gutenberg} above the
 * working directory, where there is one; else sample books generated once into
 * {@code target/sample-books}, so that a clone of the repository alone runs every test.
 */
public final class Gutenberg {

    /**
     * Eight books of 75,000 words: as many words as the 6.824 books, and a few more lines and keys,
     * so that the crash test, which crashes a worker with a fixed chance per map or reduce call,
     * crashes as often as over the real books.
     */
    private static final int SAMPLE_BOOKS = 8;
    private static final int SAMPLE_WORDS = 75_000;
    private static final long SAMPLE_SEED = 6824;

    private static Path folder;

    private Gutenberg() {
    }

    public static List<String> all() {
        Path dir = folder();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> books = files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .map(p -> p.toAbsolutePath().toString()).sorted().toList();
            if (books.isEmpty()) {
                throw new IllegalStateException("no books in " + dir);
            }
            return books;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code n} books, for tests that need text but not all of it. */
    public static List<String> some(int n) {
        return all().subList(0, n);
    }

    /** The folder of the books. */
    public static synchronized Path folder() {
        if (folder == null) {
            folder = find();
        }
        return folder;
    }

    private static Path find() {
        String configured = System.getProperty("ds.gutenberg", System.getenv("DS_GUTENBERG"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/gutenberg");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Path generated = here.resolve("target/sample-books");
        try {
            SampleFiles.write(generated, SAMPLE_BOOKS, SAMPLE_WORDS, SAMPLE_SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return generated;
    }
}
