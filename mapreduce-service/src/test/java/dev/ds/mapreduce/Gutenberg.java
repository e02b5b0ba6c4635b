package dev.ds.mapreduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The books of the 6.824 tests ({@code shared/data/gutenberg} beside the repository), or the folder
 * named by {@code -Dds.gutenberg} or the environment variable {@code DS_GUTENBERG}.
 */
public final class Gutenberg {

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
    public static Path folder() {
        String configured = System.getProperty("ds.gutenberg", System.getenv("DS_GUTENBERG"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/gutenberg");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/gutenberg not found above " + here
                + "; set -Dds.gutenberg=FOLDER or DS_GUTENBERG=FOLDER");
    }
}
