package dev.ds.paxos.storage;

/** Where a peer stands under the lost-disk rule; only a {@code VOTING} peer's acceptor votes. */
public enum Standing {
    /** Storage was lost: the peer asks the others what they know before it may vote. */
    EMPTY,
    /**
     * A majority has reported: the peer has fixed its floor epoch and abstention, and waits until
     * enough peers have stored its new epoch before it votes or uses it.
     */
    CONCLUDED,
    /** The peer votes. */
    VOTING
}
