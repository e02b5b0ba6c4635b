package dev.ds.paxos.storage;

/** Where a peer stands under the lost-disk rule; only a {@code VOTING} peer's acceptor votes. */
public enum Standing {
    /** Empty storage: the peer asks every other peer before it may vote. */
    EMPTY,
    /** The peer has heard every other peer and fixed its floor epoch and abstention; it waits for the others. */
    CONCLUDED,
    /** The peer votes. */
    VOTING
}
