package dev.ds.paxos;

import dev.ds.paxos.core.Fate;

/**
 * The 6.824 {@code Status} answer: an instance's fate at this peer, and its value once decided.
 * It is also the answer of the replicated state machine's log port ({@code rsm.Log}), so a
 * decision is decoded once on its way up and never translated again.
 *
 * @param value the decided value, or null unless {@code fate} is {@code DECIDED}
 */
public record PaxosStatus<V>(Fate fate, V value) {

    public static <V> PaxosStatus<V> decided(V value) {
        return new PaxosStatus<>(Fate.DECIDED, value);
    }

    public static <V> PaxosStatus<V> pending() {
        return new PaxosStatus<>(Fate.PENDING, null);
    }

    public static <V> PaxosStatus<V> forgotten() {
        return new PaxosStatus<>(Fate.FORGOTTEN, null);
    }

    public boolean isDecided() {
        return fate == Fate.DECIDED;
    }
}
