package dev.ds.paxos.storage;

/** Whether a write must be on disk before the call returns. */
public enum Durability {
    /**
     * Synced: an acceptor's promise or acceptance, which its reply depends on. A synced write also
     * makes every earlier write durable, as a synced write-ahead log does.
     */
    SYNC,
    /**
     * Written, not synced: a decision, a done value, forgetting. A crash may lose it, and that is
     * safe: a lost decision is learned again from the acceptors, which still hold the votes.
     */
    LAZY
}
