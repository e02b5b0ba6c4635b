package dev.ds.mapreduce.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges sorted runs into one sorted sequence of key groups: each key once, with every value any
 * run holds for it (the paper's section 3.1, step 5). Values of one key are held in memory together.
 */
public final class MergedRuns {

    /** Receives one key and all its values. */
    @FunctionalInterface
    public interface GroupConsumer {
        void group(String key, List<String> values) throws IOException;
    }

    private final List<RecordReader> runs;

    public MergedRuns(List<RecordReader> runs) {
        this.runs = runs;
    }

    public void forEachGroup(GroupConsumer consumer) throws IOException {
        PriorityQueue<Cursor> heads = new PriorityQueue<>();
        for (int i = 0; i < runs.size(); i++) {
            RecordReader run = runs.get(i);
            if (run.next()) {
                heads.add(new Cursor(run, i));
            }
        }
        List<String> values = new ArrayList<>();
        while (!heads.isEmpty()) {
            String key = heads.peek().run.key();
            values.clear();
            while (!heads.isEmpty() && heads.peek().run.key().equals(key)) {
                Cursor head = heads.poll();
                do {
                    values.add(head.run.value());
                } while (head.run.next() && head.run.key().equals(key));
                if (head.run.key() != null) {
                    heads.add(head);
                }
            }
            consumer.group(key, values);
        }
    }

    /** A run and its position among the inputs, which breaks ties so that merging is stable. */
    private record Cursor(RecordReader run, int index) implements Comparable<Cursor> {
        @Override
        public int compareTo(Cursor other) {
            int byKey = run.key().compareTo(other.run.key());
            return byKey != 0 ? byKey : Integer.compare(index, other.index);
        }
    }
}
