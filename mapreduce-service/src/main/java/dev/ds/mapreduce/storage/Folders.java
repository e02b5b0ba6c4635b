package dev.ds.mapreduce.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes folder trees: intermediate data and temporary outputs that are no longer needed. */
public final class Folders {

    private Folders() {
    }

    /** Deletes {@code root} and everything under it; a missing folder is fine. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (NoSuchFileException alreadyGone) {
                    // Another thread cleaned up first; nothing left to do for this path.
                }
            }
        } catch (NoSuchFileException alreadyGone) {
            // The whole tree went away while we walked it.
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + root, e);
        }
    }
}
