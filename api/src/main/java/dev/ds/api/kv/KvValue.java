package dev.ds.api.kv;

/** The answer to a read: the key and its current value. */
public record KvValue(String key, String value) {
}
