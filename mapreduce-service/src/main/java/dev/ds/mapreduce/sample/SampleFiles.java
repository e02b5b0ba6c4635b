package dev.ds.mapreduce.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Writes a folder of sample books, {@code sample-01.txt} and on, each from its own seed. */
public final class SampleFiles {

    /** Enough different words that a word count over a few books has thousands of keys. */
    public static final int VOCABULARY = 20_000;

    private SampleFiles() {
    }

    /**
     * Writes {@code files} books of {@code words} words into {@code folder} (created if needed) and
     * answers their paths. Book i is seeded with {@code seed + i}, so one book does not depend on how
     * many others there are. Each file appears under its name only when complete.
     */
    public static List<Path> write(Path folder, int files, int words, long seed) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (int i = 1; i <= files; i++) {
            Path book = folder.resolve(String.format("sample-%02d.txt", i));
            Path partial = Files.createTempFile(folder, ".sample-", ".tmp");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                new SampleText(seed + i, VOCABULARY).write(out, words);
            }
            Files.move(partial, book, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(book);
        }
        return written;
    }
}
