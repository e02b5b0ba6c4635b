package dev.ds.paxos.core;

import java.util.BitSet;

/**
 * Counts the answers to one phase of one round: the distinct peers that granted, and the distinct
 * peers that did not (rejected, abstained, or gave no reply). A peer's first answer counts; a
 * duplicate cannot count twice.
 */
final class Quorum {

    private final int peers;
    private final BitSet granted = new BitSet();
    private final BitSet failed = new BitSet();

    Quorum(int peers) {
        this.peers = peers;
    }

    /** A majority of {@code peers}: any two majorities share at least one peer. */
    static int majority(int peers) {
        return peers / 2 + 1;
    }

    void grant(int peer) {
        if (!failed.get(peer)) {
            granted.set(peer);
        }
    }

    void fail(int peer) {
        if (!granted.get(peer)) {
            failed.set(peer);
        }
    }

    /** A majority granted. */
    boolean reached() {
        return granted.cardinality() >= majority(peers);
    }

    /** So many failed that a majority can no longer grant, whatever the others answer. */
    boolean lost() {
        return failed.cardinality() > peers - majority(peers);
    }
}
