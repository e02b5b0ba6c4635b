package dev.ds.rsm;

/**
 * The deterministic application the log replicates: the same entries applied in the same order
 * give the same state and the same results on every replica.
 */
public interface StateMachine<E extends Entry, R> {

    R apply(E entry);
}
