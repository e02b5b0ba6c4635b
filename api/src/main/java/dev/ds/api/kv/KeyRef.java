package dev.ds.api.kv;

/** The request of a read: only the key, which travels in the path. */
public record KeyRef(String key) {

    public KeyRef {
        KvLimits.requireKey(key);
    }
}
