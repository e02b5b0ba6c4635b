package dev.ds.mapreduce.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.mapreduce.app.Combiner;
import dev.ds.mapreduce.app.LineWindow;
import dev.ds.testkit.Seeds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A map task's partitions hold exactly what was emitted, sorted, each key in partition
 * {@code hash mod nReduce}: in memory or spilled many times, with a combiner or without, whether a
 * key was emitted as a string or as a window on a line.
 */
class MapOutputBufferTest {

    private static final Combiner SUM = (key, values) -> {
        long total = 0;
        while (values.hasNext()) {
            total += Long.parseLong(values.next());
        }
        return Long.toString(total);
    };

    @ParameterizedTest(name = "nReduce={0} budget={1} combiner={2}")
    @CsvSource({
        "1, 100000000, false", "3, 100000000, false", "3, 2000, false", "7, 300, false",
        "1, 100000000, true", "3, 100000000, true", "3, 2000, true", "7, 300, true",
    })
    void partitionsHoldExactlyWhatWasEmittedSortedAndPartitioned(int nReduce, long budget, boolean combine)
            throws IOException {
        Random random = new Random(Seeds.seed("MapOutputBufferTest"));
        MemoryRunStore store = new MemoryRunStore();
        MapOutputBuffer buffer = new MapOutputBuffer(nReduce, combine ? SUM : null, budget, store, TaskControl.NONE);
        Map<String, List<String>> emitted = new TreeMap<>();
        for (int i = 0; i < 5000; i++) {
            String key = "k" + random.nextInt(300) + (random.nextInt(50) == 0 ? " with ünïcode\n" : "");
            String value = Integer.toString(random.nextInt(5));
            if (random.nextBoolean()) {
                buffer.emit(key, value);
            } else {
                String line = "<" + key + ">";
                buffer.emit(new LineWindow(line).set(1, line.length() - 1), value);
            }
            emitted.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        buffer.finish();

        Map<String, List<String>> read = new TreeMap<>();
        for (int r = 0; r < nReduce; r++) {
            String previous = null;
            try (RecordReader run = new RecordReader(store.open(RunStore.partition(r)))) {
                while (run.next()) {
                    assertThat(Partitioner.partition(run.key(), nReduce)).as("partition of %s", run.key()).isEqualTo(r);
                    if (previous != null) {
                        assertThat(run.key().compareTo(previous)).as("sorted").isGreaterThanOrEqualTo(0);
                        if (combine) {
                            assertThat(run.key()).as("combined: one record per key").isNotEqualTo(previous);
                        }
                    }
                    previous = run.key();
                    read.computeIfAbsent(run.key(), k -> new ArrayList<>()).add(run.value());
                }
            }
        }
        assertThat(store.runs.keySet()).as("spills are deleted").allMatch(name -> name.startsWith("part-"));
        for (int r = 0; r < nReduce; r++) {
            assertThat(buffer.partitionBytes().get(r)).as("bytes of partition %d", r)
                    .isEqualTo(store.runs.get(RunStore.partition(r)).size());
        }
        assertThat(read.keySet()).isEqualTo(emitted.keySet());
        emitted.forEach((key, values) -> {
            if (combine) {
                assertThat(read.get(key)).containsExactly(SUM.combine(key, values.iterator()));
            } else {
                assertThat(read.get(key)).containsExactlyInAnyOrderElementsOf(values);
            }
        });
    }
}
