package dev.ds.paxos.api;

/** An acceptor's answer to a prepare or an accept request. */
public enum Vote {
    /** Phase 1b "promise" to a prepare, or phase 2b "accepted" to an accept. */
    GRANTED,
    /** The acceptor has promised a higher number, given in the reply's {@code promised}. */
    REJECTED,
    /** The acceptor already knows the instance's decision, given in the reply's {@code decided}. */
    DECIDED,
    /** The instance is below the acceptor's minimum: every peer is done with it. */
    FORGOTTEN,
    /** The acceptor does not vote in this instance: it lost its disk (the lost-disk rule). */
    ABSTAINED
}
