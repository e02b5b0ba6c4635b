package dev.ds.mapreduce.engine;

import dev.ds.mapreduce.app.Combiner;
import dev.ds.mapreduce.app.LineWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A map task's output in memory: each key with its values. Built for the one hot path of a map
 * task, adding a value to a key that is already there, which for word count is nearly every call.
 *
 * <p>Open addressing with linear probing over parallel arrays: per slot the hash, where the key's
 * characters are in one shared arena, their count, and how often the latest value was added in a
 * row. A lookup compares the caller's characters (a reused {@link LineWindow}, say) with the arena,
 * so no string is made for a key that is already there, and a value equal to the latest one (word
 * count's "1") only counts up. Values are kept as {@code earlier} + {@code last} x {@code repeats};
 * with a combiner, {@code earlier} is one value, folded again whenever {@link #COMBINE_EVERY}
 * have piled up. The hash is {@link String#hashCode()}'s, so a key's partition does not depend on
 * how it was emitted.
 */
final class KeyTable {

    static final int COMBINE_EVERY = 16;
    /** Rough costs of a new key (slot arrays, string, arena) and of a value kept apart, for the budget. */
    private static final int ENTRY_BYTES = 112;
    private static final int VALUE_BYTES = 16;
    private static final int INITIAL_SLOTS = 1 << 12;
    /** Per slot in {@link #meta}: hash, arena offset, key length + 1 (0 = empty slot), repeats. */
    private static final int STRIDE = 4;

    private final Combiner combiner;
    private int[] meta;
    private String[] keys;
    private String[] last;
    private Values[] earlier;
    private char[] arena = new char[1 << 14];
    private int arenaUsed;
    private int size;
    private long estimatedBytes;

    KeyTable(Combiner combiner) {
        this.combiner = combiner;
        allocate(INITIAL_SLOTS);
    }

    private void allocate(int slots) {
        meta = new int[slots * STRIDE];
        keys = new String[slots];
        last = new String[slots];
        earlier = new Values[slots];
        size = 0;
    }

    /** {@link String#hashCode()} of the characters of {@code key}. */
    static int hash(CharSequence key) {
        if (key instanceof String s) {
            return s.hashCode();
        }
        if (key instanceof LineWindow window) {
            return window.stringHash();
        }
        int h = 0;
        for (int i = 0, n = key.length(); i < n; i++) {
            h = 31 * h + key.charAt(i);
        }
        return h;
    }

    /** Adds one value under {@code key}; returns true if the key is new. */
    boolean add(CharSequence key, int hash, String value) {
        int slot = find(key, hash);
        if (slot >= 0) {
            int at = slot * STRIDE + 3;
            if (last[slot] == value || last[slot].equals(value)) {
                if (++meta[at] >= COMBINE_EVERY && combiner != null) {
                    combine(slot);
                }
            } else {
                pushLast(slot);
                last[slot] = value;
                meta[at] = 1;
                estimatedBytes += VALUE_BYTES + 2L * value.length();
            }
            return false;
        }
        insert(key.toString(), hash, value);
        estimatedBytes += ENTRY_BYTES + 4L * key.length() + 2L * value.length();
        return true;
    }

    /** About how much memory the table holds, for the map buffer's spill budget. */
    long estimatedBytes() {
        return estimatedBytes;
    }

    private int find(CharSequence key, int hash) {
        int mask = keys.length - 1;
        int length = key.length();
        for (int slot = spread(hash) & mask; meta[slot * STRIDE + 2] != 0; slot = (slot + 1) & mask) {
            int base = slot * STRIDE;
            if (meta[base] == hash && meta[base + 2] == length + 1 && sameChars(key, meta[base + 1], length)) {
                return slot;
            }
        }
        return -1;
    }

    private boolean sameChars(CharSequence key, int offset, int length) {
        if (key instanceof LineWindow window) {
            return window.contentEquals(arena, offset);
        }
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) != arena[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** Moves the run of the latest value into {@code earlier}, folded if there is a combiner. */
    private void pushLast(int slot) {
        int repeats = meta[slot * STRIDE + 3];
        if (repeats == 0) {
            return;
        }
        if (combiner != null) {
            combine(slot);
            return;
        }
        if (earlier[slot] == null) {
            earlier[slot] = new Values();
        }
        earlier[slot].add(last[slot], repeats);
    }

    /** Folds every value of the slot into {@code earlier}, leaving no run. */
    private void combine(int slot) {
        String folded = combiner.combine(keys[slot], values(slot));
        earlier[slot] = Values.of(folded);
        last[slot] = folded;
        meta[slot * STRIDE + 3] = 0;
    }

    private void insert(String key, int hash, String value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int offset = store(key);
        int mask = keys.length - 1;
        int slot = spread(hash) & mask;
        while (meta[slot * STRIDE + 2] != 0) {
            slot = (slot + 1) & mask;
        }
        int base = slot * STRIDE;
        meta[base] = hash;
        meta[base + 1] = offset;
        meta[base + 2] = key.length() + 1;
        meta[base + 3] = 1;
        keys[slot] = key;
        last[slot] = value;
        size++;
    }

    private int store(String key) {
        if (arenaUsed + key.length() > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + key.length()));
        }
        key.getChars(0, key.length(), arena, arenaUsed);
        arenaUsed += key.length();
        return arenaUsed - key.length();
    }

    private void grow() {
        int[] oldMeta = meta;
        String[] oldKeys = keys;
        String[] oldLast = last;
        Values[] oldEarlier = earlier;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int old = 0; old < oldKeys.length; old++) {
            if (oldKeys[old] != null) {
                int slot = spread(oldMeta[old * STRIDE]) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(oldMeta, old * STRIDE, meta, slot * STRIDE, STRIDE);
                keys[slot] = oldKeys[old];
                last[slot] = oldLast[old];
                earlier[slot] = oldEarlier[old];
                size++;
            }
        }
    }

    int size() {
        return size;
    }

    /** Every key, in slot order; pair with {@link #valuesOf}. */
    List<String> keys() {
        List<String> all = new ArrayList<>(size);
        for (String key : keys) {
            if (key != null) {
                all.add(key);
            }
        }
        return all;
    }

    /** The values of {@code key}: one folded value when there is a combiner, else all of them. */
    Iterator<String> valuesOf(String key) {
        int slot = find(key, key.hashCode());
        if (combiner != null && (earlier[slot] != null || meta[slot * STRIDE + 3] > 1)) {
            combine(slot);
        }
        return values(slot);
    }

    /** {@code earlier}, then {@code last} {@code repeats} times. */
    private Iterator<String> values(int slot) {
        Values before = earlier[slot];
        String run = last[slot];
        int repeats = meta[slot * STRIDE + 3];
        int fromEarlier = before == null ? 0 : before.size();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < fromEarlier + repeats;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return i < fromEarlier ? before.get(i) : run;
            }
        };
    }

    void clear() {
        Arrays.fill(meta, 0);
        Arrays.fill(keys, null);
        Arrays.fill(last, null);
        Arrays.fill(earlier, null);
        arenaUsed = 0;
        size = 0;
        estimatedBytes = 0;
    }

    /** Mixes the high bits in, since keys that differ only at the end differ only in low hash bits. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
