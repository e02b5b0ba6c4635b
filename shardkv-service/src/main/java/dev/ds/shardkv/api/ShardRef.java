package dev.ds.shardkv.api;

/**
 * Shard {@code shard} as it was handed off in configuration {@code configNum}: the request of a
 * pull and of an install confirmation.
 */
public record ShardRef(long configNum, int shard) implements Comparable<ShardRef> {

    public ShardRef {
        if (configNum < 1) {
            throw new IllegalArgumentException("configNum: must be at least 1, was " + configNum);
        }
        if (shard < 0) {
            throw new IllegalArgumentException("shard: must be >= 0, was " + shard);
        }
    }

    @Override
    public int compareTo(ShardRef other) {
        int byConfig = Long.compare(configNum, other.configNum);
        return byConfig != 0 ? byConfig : Integer.compare(shard, other.shard);
    }

    @Override
    public String toString() {
        return "shard " + shard + "@" + configNum;
    }
}
