package dev.ds.paxos.core;

import dev.ds.paxos.api.Value;

/**
 * An instance's fate at one peer, and its value when decided.
 *
 * @param value the decided value with {@link Fate#DECIDED}, else null
 */
public record Status(Fate fate, Value value) {

    public static final Status PENDING = new Status(Fate.PENDING, null);
    public static final Status FORGOTTEN = new Status(Fate.FORGOTTEN, null);

    public Status {
        if ((fate == Fate.DECIDED) != (value != null)) {
            throw new IllegalArgumentException("a value goes with DECIDED and only with it: " + fate + ", " + value);
        }
    }

    public static Status decided(Value value) {
        return new Status(Fate.DECIDED, value);
    }

    public boolean isDecided() {
        return fate == Fate.DECIDED;
    }
}
