package dev.ds.mapreduce.engine;

import dev.ds.mapreduce.app.MapReduceApp;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One map task: feeds each line of its input to the app's map function and leaves the output as
 * {@code nReduce} sorted partitions in a {@link RunStore}. The reference run feeds every input to
 * one task with a single partition.
 */
public final class MapTask {

    private final MapReduceApp app;
    private final MapOutputBuffer buffer;
    private final TaskControl control;

    public MapTask(MapReduceApp app, int nReduce, long budgetBytes, RunStore store, TaskControl control) {
        this.app = app;
        this.control = control;
        this.buffer = new MapOutputBuffer(nReduce, app.combiner().orElse(null), budgetBytes, store, control);
    }

    /**
     * Maps the split {@code [offset, offset + length)} of {@code document}.
     *
     * @param in the document, positioned as {@link SplitLines#read} requires
     * @return the bytes read
     */
    public long map(String document, InputStream in, long offset, long length) throws IOException {
        return SplitLines.read(in, offset, length, line -> app.map(document, line, buffer), control);
    }

    /** Writes the partitions; returns the bytes written. */
    public long finish() throws IOException {
        return buffer.finish();
    }

    /** The bytes of each partition ({@code get(r)} for reduce r), once {@link #finish} has written them. */
    public List<Long> partitionBytes() {
        return buffer.partitionBytes();
    }
}
