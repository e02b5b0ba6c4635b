package dev.ds.paxos;

import dev.ds.paxos.core.Fate;

/**
 * The 6.824 {@code Status} answer: an instance's fate at this peer, and its value once decided.
 *
 * @param value the decided value, or null unless {@code fate} is {@code DECIDED}
 */
public record PaxosStatus<V>(Fate fate, V value) {

    public boolean isDecided() {
        return fate == Fate.DECIDED;
    }
}
