package dev.ds.mapreduce.engine;

import dev.ds.mapreduce.app.Combiner;
import dev.ds.mapreduce.app.Emitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Collects a map task's output in memory, grouped by key ({@link KeyTable}), and writes it as
 * {@code nReduce} sorted partitions (the paper's section 3.1, step 4).
 *
 * <p>With a combiner, a key's values are folded as they pile up and once more when written, so a
 * word-count map keeps one count per distinct word. When the buffer outgrows its budget it is
 * spilled: each partition is written as a sorted run, and {@link #finish} merges the runs of each
 * partition into its final one. Memory therefore stays bounded whatever the app emits.
 */
public final class MapOutputBuffer implements Emitter {

    private final int nReduce;
    private final Combiner combiner;
    private final long budgetBytes;
    private final RunStore store;
    private final TaskControl control;
    private final KeyTable table;
    private int spills;
    private long bytesWritten;
    private final long[] partitionBytes;

    /**
     * @param combiner the app's combiner, or null
     * @param budgetBytes about how much memory the buffer may take before it spills
     */
    public MapOutputBuffer(int nReduce, Combiner combiner, long budgetBytes, RunStore store, TaskControl control) {
        if (nReduce < 1) {
            throw new IllegalArgumentException("nReduce must be at least 1, was " + nReduce);
        }
        this.nReduce = nReduce;
        this.combiner = combiner;
        this.budgetBytes = budgetBytes;
        this.store = store;
        this.control = control;
        this.table = new KeyTable(combiner);
        this.partitionBytes = new long[nReduce];
    }

    @Override
    public void emit(String key, String value) {
        emit((CharSequence) key, value);
    }

    @Override
    public void emit(CharSequence key, String value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("map emitted a null key or value (key " + key + ")");
        }
        table.add(key, KeyTable.hash(key), value);
        if (table.estimatedBytes() >= budgetBytes) {
            spill();
        }
    }

    /**
     * Writes partition {@code r} as {@link RunStore#partition}(r), for every r; returns the bytes
     * written, spills included.
     */
    public long finish() throws IOException {
        if (spills == 0) {
            List<List<String>> keys = sortedKeys();
            for (int r = 0; r < nReduce; r++) {
                partitionBytes[r] = writeSorted(RunStore.partition(r), keys.get(r));
            }
            table.clear();
            return bytesWritten;
        }
        if (table.size() > 0) {
            spill();
        }
        for (int r = 0; r < nReduce; r++) {
            partitionBytes[r] = mergeSpills(r);
        }
        return bytesWritten;
    }

    /** The bytes of each final partition ({@code [r]} for partition r), once {@link #finish} has written them. */
    public List<Long> partitionBytes() {
        return Arrays.stream(partitionBytes).boxed().toList();
    }

    private void spill() {
        try {
            List<List<String>> keys = sortedKeys();
            for (int r = 0; r < nReduce; r++) {
                writeSorted(spillName(spills, r), keys.get(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("spilling map output", e);
        }
        spills++;
        table.clear();
    }

    /** The buffered keys of each partition, sorted. */
    private List<List<String>> sortedKeys() {
        List<List<String>> keys = new ArrayList<>(nReduce);
        for (int r = 0; r < nReduce; r++) {
            keys.add(new ArrayList<>());
        }
        for (String key : table.keys()) {
            keys.get(Partitioner.partition(key, nReduce)).add(key);
        }
        keys.forEach(list -> list.sort(null));
        return keys;
    }

    /** Writes one sorted run or partition; returns its bytes. */
    private long writeSorted(String name, List<String> keys) throws IOException {
        try (RecordWriter out = new RecordWriter(store.create(name))) {
            for (String key : keys) {
                Iterator<String> values = table.valuesOf(key);
                long written = 0;
                while (values.hasNext()) {
                    out.write(key, values.next());
                    written++;
                }
                control.progressed(written);
            }
            bytesWritten += out.bytesWritten();
            return out.bytesWritten();
        }
    }

    /** Merges the runs of partition {@code r} into the final partition; returns its bytes. */
    private long mergeSpills(int r) throws IOException {
        List<RecordReader> runs = new ArrayList<>();
        long bytes;
        try (RecordWriter out = new RecordWriter(store.create(RunStore.partition(r)))) {
            for (int spill = 0; spill < spills; spill++) {
                runs.add(new RecordReader(store.open(spillName(spill, r))));
            }
            new MergedRuns(runs).forEachGroup((key, values) -> {
                if (combiner != null && values.size() > 1) {
                    out.write(key, combiner.combine(key, values.iterator()));
                } else {
                    for (String value : values) {
                        out.write(key, value);
                    }
                }
                control.progressed(values.size());
            });
            bytes = out.bytesWritten();
            bytesWritten += bytes;
        } finally {
            for (RecordReader run : runs) {
                run.close();
            }
        }
        for (int spill = 0; spill < spills; spill++) {
            store.delete(spillName(spill, r));
        }
        return bytes;
    }

    private static String spillName(int spill, int r) {
        return "spill-" + spill + "-" + r;
    }
}
