package dev.ds.mapreduce.engine;

import dev.ds.mapreduce.app.MapReduceApp;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One reduce task: merges the sorted partitions fetched from every map task, calls the app's reduce
 * function once per key in key order, and writes one output line {@code key value} per key.
 */
public final class ReduceTask {

    private ReduceTask() {
    }

    /** Reduces {@code partitions} into {@code out}, which it closes; returns the number of keys. */
    public static long run(MapReduceApp app, List<InputStream> partitions, OutputStream out, TaskControl control)
            throws IOException {
        List<RecordReader> runs = new ArrayList<>();
        partitions.forEach(in -> runs.add(new RecordReader(in)));
        long[] keys = {0};
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            new MergedRuns(runs).forEachGroup((key, values) -> {
                writer.write(key);
                writer.write(' ');
                writer.write(app.reduce(key, values.iterator()));
                writer.write('\n');
                keys[0]++;
                control.checkpoint(values.size());
            });
        } finally {
            for (RecordReader run : runs) {
                run.close();
            }
        }
        return keys[0];
    }
}
