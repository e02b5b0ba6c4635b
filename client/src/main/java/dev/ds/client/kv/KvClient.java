package dev.ds.client.kv;

import java.util.Optional;

/**
 * A key/value store as a client sees it (CONTRACT.md section 3), whatever replicates it. Each
 * call retries until it has an answer or its deadline passes ({@link dev.ds.client.NoReplyException});
 * a write that timed out may or may not have been applied, but is never applied twice.
 *
 * <p>{@link #close} releases what the client made for itself (its HTTP connections and their
 * thread); a client over a shared transport leaves that transport open.
 */
public interface KvClient extends AutoCloseable {

    /** The value of {@code key}, or empty if it has none. */
    Optional<String> get(String key);

    void put(String key, String value);

    void append(String key, String value);

    /** The same store with calls that return at once; closing the async client closes this one. */
    default AsyncKvClient async() {
        return new AsyncKvClient(this);
    }

    /** Releases nothing by default: a client that owns resources overrides this. */
    @Override
    default void close() {
    }
}
