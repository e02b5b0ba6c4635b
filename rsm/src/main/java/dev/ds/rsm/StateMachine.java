package dev.ds.rsm;

/**
 * The deterministic application the log replicates: the same entries applied in the same order
 * give the same state and the same results on every replica.
 */
public interface StateMachine<E extends Entry, R> {

    R apply(E entry);

    /** The whole state, for a snapshot; a machine that is never snapshotted need not implement it. */
    default byte[] snapshot() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no snapshots");
    }

    /** Replaces the whole state with a snapshot's. */
    default void restore(byte[] snapshot) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no snapshots");
    }
}
