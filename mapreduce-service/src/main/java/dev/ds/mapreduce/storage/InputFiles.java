package dev.ds.mapreduce.storage;

import dev.ds.api.mapreduce.Split;
import dev.ds.rpc.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's view of a job's input files: it checks that each lies inside the input roots
 * and is a readable file, and cuts it into splits of at most {@code splitSize} bytes. Splits are byte ranges; the map task reading
 * one finds the line boundaries ({@link dev.ds.mapreduce.engine.SplitLines}), so the coordinator
 * never reads the data. An empty file is one empty split, so every input has a map task.
 */
public final class InputFiles {

    private final long splitSize;
    private final PathRoots roots;

    public InputFiles(long splitSize, PathRoots roots) {
        if (splitSize < 1) {
            throw new IllegalArgumentException("splitSize must be positive, was " + splitSize);
        }
        this.splitSize = splitSize;
        this.roots = roots;
    }

    /**
     * The splits of {@code inputs}, in order, each naming its file as submitted (the indexer reports
     * inputs that way); an input outside the roots, missing or unreadable is {@code ErrBadRequest}.
     */
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

    private long readableSize(String input) {
        // Outside the roots comes first: a refusal must not tell whether a file exists out there.
        Path path = roots.resolve("inputs", input);
        try {
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
        } catch (IOException e) {
            throw ProblemException.badRequest("inputs: cannot read " + input + ": " + e.getMessage());
        }
    }
}
