package dev.ds.api.kv;

/** The answer to an applied write: the key and the value it now holds. */
public record WriteResult(String key) {
}
