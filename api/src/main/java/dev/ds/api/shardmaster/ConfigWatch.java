package dev.ds.api.shardmaster;

/**
 * A watch: the configuration after {@code after}, waiting up to {@code waitMs} for it to exist.
 * Both travel as query parameters of {@code GET /api/shardmaster/config}.
 *
 * @param after the number of the configuration the watcher already has
 * @param waitMs how long the shard master may hold the call before answering "no change", at most
 *     {@value #MAX_WAIT_MS}
 */
public record ConfigWatch(long after, long waitMs) {

    /** A minute: long enough that an idle watcher costs nothing, short enough for any proxy's timeout. */
    public static final long MAX_WAIT_MS = 60_000;

    public ConfigWatch {
        if (after < 0) {
            throw new IllegalArgumentException("after: must be >= 0, was " + after);
        }
        if (waitMs < 0 || waitMs > MAX_WAIT_MS) {
            throw new IllegalArgumentException("waitMs: must be in 0.." + MAX_WAIT_MS + ", was " + waitMs);
        }
    }
}
