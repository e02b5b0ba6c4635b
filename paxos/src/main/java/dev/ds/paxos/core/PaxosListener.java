package dev.ds.paxos.core;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;

/**
 * What a peer reports as it works: metrics in a node, safety checks in the simulator. Called
 * while the peer holds its lock, except {@link #called}, so implementations must be quick and
 * thread-safe, and must not call back into the peer.
 */
public interface PaxosListener {

    PaxosListener NONE = new PaxosListener() { };

    /** {@code start} began a proposer in {@code seq}. */
    default void proposing(long seq) {
    }

    /** A proposer began phase 1 with {@code number}. */
    default void round(long seq, ProposalNumber number) {
    }

    /**
     * This peer learned the decision of {@code seq}. {@code rounds} is how many rounds its own
     * proposer took, or 0 when it learned the decision from another peer.
     */
    default void decided(long seq, Value value, int rounds) {
    }

    /** A call to another peer ended, with a reply or without one. */
    default void called(Message type, boolean answered) {
    }

    /** This peer handled a request from another peer. */
    default void handled(Message type) {
    }

    /** The minimum moved to {@code min}; {@code dropped} instances were freed. */
    default void forgotten(long min, int dropped) {
    }
}
