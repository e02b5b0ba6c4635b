package dev.ds.testkit.history;

import java.util.Objects;

/**
 * What a key/value client asked for.
 *
 * @param kind  the operation
 * @param key   the key it applies to
 * @param value the value to put or append; null for a GET
 */
public record KvInput(Kind kind, String key, String value) {

    /** The three operations of the 6.824 key/value service. */
    public enum Kind { GET, PUT, APPEND }

    public KvInput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if ((kind == Kind.GET) != (value == null)) {
            throw new IllegalArgumentException(kind + " must " + (kind == Kind.GET ? "not " : "") + "carry a value");
        }
    }

    public static KvInput get(String key) {
        return new KvInput(Kind.GET, key, null);
    }

    public static KvInput put(String key, String value) {
        return new KvInput(Kind.PUT, key, value);
    }

    public static KvInput append(String key, String value) {
        return new KvInput(Kind.APPEND, key, value);
    }

    public boolean isRead() {
        return kind == Kind.GET;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case GET -> "get(" + key + ")";
            case PUT -> "put(" + key + ", \"" + value + "\")";
            case APPEND -> "append(" + key + ", \"" + value + "\")";
        };
    }
}
