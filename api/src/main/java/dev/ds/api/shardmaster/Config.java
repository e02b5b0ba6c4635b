package dev.ds.api.shardmaster;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One configuration: its number, the owning gid of each shard (0 = unassigned), and the servers of
 * each group. Immutable; groups are kept in gid order, so every replica walks them the same way.
 */
public record Config(long num, List<Long> shards, SortedMap<Long, List<String>> groups) {

    public Config {
        if (num < 0) {
            throw new IllegalArgumentException("num: must be >= 0, was " + num);
        }
        shards = List.copyOf(shards);
        SortedMap<Long, List<String>> copy = new TreeMap<>();
        groups.forEach((gid, servers) -> copy.put(gid, List.copyOf(servers)));
        groups = Collections.unmodifiableSortedMap(copy);
    }

    public Config(long num, List<Long> shards, Map<Long, List<String>> groups) {
        this(num, shards, new TreeMap<>(groups));
    }

    /** Configuration 0: no groups, every one of {@code nShards} shards unassigned. */
    public static Config initial(int nShards) {
        return new Config(0, Collections.nCopies(nShards, 0L), new TreeMap<>());
    }

    public int nShards() {
        return shards.size();
    }

    /** The gid that owns {@code shard}, 0 when none does. */
    public long owner(int shard) {
        return shards.get(shard);
    }
}
