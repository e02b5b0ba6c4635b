package dev.ds.mapreduce.storage;

import dev.ds.api.mapreduce.Split;
import dev.ds.rpc.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's view of a job's input files: it checks that each is a readable file, and cuts
 * it into splits of at most {@code splitSize} bytes. Splits are byte ranges; the map task reading
 * one finds the line boundaries ({@link dev.ds.mapreduce.engine.SplitLines}), so the coordinator
 * never reads the data. An empty file is one empty split, so every input has a map task.
 */
public final class InputFiles {

    private final long splitSize;

    public InputFiles(long splitSize) {
        if (splitSize < 1) {
            throw new IllegalArgumentException("splitSize must be positive, was " + splitSize);
        }
        this.splitSize = splitSize;
    }

    /** The splits of {@code inputs}, in order; a missing or unreadable input is {@code ErrBadRequest}. */
    public List<Split> split(List<String> inputs) {
        List<Split> splits = new ArrayList<>();
        for (String input : inputs) {
            long size = readableSize(input);
            long offset = 0;
            do {
                long length = Math.min(splitSize, size - offset);
                splits.add(new Split(input, offset, length));
                offset += length;
            } while (offset < size);
        }
        return splits;
    }

    private static long readableSize(String input) {
        try {
            Path path = Path.of(input);
            if (!Files.exists(path)) {
                throw ProblemException.badRequest("inputs: no such file: " + input);
            }
            if (!Files.isRegularFile(path)) {
                throw ProblemException.badRequest("inputs: not a regular file: " + input);
            }
            if (!Files.isReadable(path)) {
                throw ProblemException.badRequest("inputs: cannot read " + input);
            }
            return Files.size(path);
        } catch (InvalidPathException | IOException e) {
            throw ProblemException.badRequest("inputs: cannot read " + input + ": " + e.getMessage());
        }
    }
}
