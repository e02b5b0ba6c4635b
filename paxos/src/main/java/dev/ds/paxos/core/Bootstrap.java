package dev.ds.paxos.core;

/** What a peer that finds its storage empty may assume. */
public enum Bootstrap {
    /**
     * The peer has never run before: it votes at once. Tests and the simulator start new groups
     * this way; it is wrong for a peer that may have lost its disk.
     */
    NEW,
    /**
     * Empty storage may be a lost disk: the peer follows the lost-disk rule and asks every other
     * peer before it votes. If none of them has ever voted either, the group is new. The default
     * for running nodes.
     */
    REJOIN
}
