package dev.ds.mapreduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads job outputs as the 6.824 test script does: every {@code mr-out*} line, sorted. */
public final class Outputs {

    private Outputs() {
    }

    public static List<String> sortedLines(Path outputDir) {
        try (Stream<Path> files = Files.list(outputDir)) {
            List<String> lines = new ArrayList<>();
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("mr-out")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
            lines.sort(null);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
