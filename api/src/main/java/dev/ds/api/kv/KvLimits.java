package dev.ds.api.kv;

import java.nio.charset.StandardCharsets;

/** Shape rules every key obeys on the wire; size limits are per-node settings ({@code kv.max-*}). */
public final class KvLimits {

    private KvLimits() {
    }

    static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key: must be a non-empty string");
        }
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
