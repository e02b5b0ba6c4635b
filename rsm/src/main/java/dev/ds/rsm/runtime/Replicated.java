package dev.ds.rsm.runtime;

/**
 * A service whose state machine runs on a {@link Replica}. What every such service shares (the
 * wake-up on Paxos traffic, catch-up, the read fence, health and metrics of the log) is wired once,
 * from this, by the replica stack ({@code rsm.boot.ReplicaAutoConfiguration}); the service wires
 * only what is its own.
 */
public interface Replicated {

    Replica<?, ?> replica();
}
