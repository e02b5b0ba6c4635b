package dev.ds.api.kv;

/** The two writes of the key/value model. Appending to an absent key is a put. */
public enum WriteKind {
    PUT,
    APPEND;

    /** The value after applying this write to {@code current} (null when the key is absent). */
    public String apply(String current, String value) {
        return this == APPEND && current != null ? current + value : value;
    }
}
