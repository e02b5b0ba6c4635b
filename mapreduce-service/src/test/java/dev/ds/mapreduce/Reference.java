package dev.ds.mapreduce;

import dev.ds.mapreduce.app.Apps;
import dev.ds.mapreduce.sequential.SequentialRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The expected output of a job: the sorted lines of the reference run on the same inputs. */
public final class Reference {

    private Reference() {
    }

    public static List<String> sortedLines(String app, List<String> inputs, Path scratch) {
        try {
            Path out = scratch.resolve("sequential-" + app);
            SequentialRun.run(Apps.load(Reference.class.getClassLoader()).get(app), inputs, out, 64L << 20);
            return Outputs.sortedLines(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
