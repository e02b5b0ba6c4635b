package dev.ds.mapreduce.engine;

import java.util.Arrays;

/** Values of one key that {@link KeyTable} keeps apart from the run of its latest value. */
final class Values {

    private String[] items = new String[4];
    private int size;

    static Values of(String value) {
        Values values = new Values();
        values.add(value, 1);
        return values;
    }

    void add(String value, int times) {
        if (size + times > items.length) {
            items = Arrays.copyOf(items, Math.max(items.length * 2, size + times));
        }
        Arrays.fill(items, size, size + times, value);
        size += times;
    }

    int size() {
        return size;
    }

    String get(int i) {
        return items[i];
    }
}
