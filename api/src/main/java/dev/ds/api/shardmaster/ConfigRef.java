package dev.ds.api.shardmaster;

/** A query for configuration {@code num}, which travels in the path; the latest has its own endpoint. */
public record ConfigRef(long num) {

    public ConfigRef {
        if (num < 0) {
            throw new IllegalArgumentException("num: must be >= 0, was " + num);
        }
    }
}
