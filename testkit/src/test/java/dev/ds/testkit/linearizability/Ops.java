package dev.ds.testkit.linearizability;

import dev.ds.testkit.history.Event;
import dev.ds.testkit.history.KvInput;
import dev.ds.testkit.history.KvOutput;
import dev.ds.testkit.history.Operation;

/** Shorthands for building key/value histories with exact times in tests. */
final class Ops {

    /** The return time of an operation whose outcome is unknown. */
    static final long NEVER = Event.UNKNOWN_RETURN;

    private Ops() {
    }

    static Operation put(String key, String value, long call, long ret) {
        return new Operation(0, KvInput.put(key, value), KvOutput.WRITTEN, call, ret);
    }

    static Operation append(String key, String value, long call, long ret) {
        return new Operation(0, KvInput.append(key, value), KvOutput.WRITTEN, call, ret);
    }

    /** A GET that read {@code value}, or ErrNoKey if it is null. */
    static Operation get(String key, String value, long call, long ret) {
        return new Operation(0, KvInput.get(key), KvOutput.read(value), call, ret);
    }
}
