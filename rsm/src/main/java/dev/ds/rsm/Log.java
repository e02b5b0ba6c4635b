package dev.ds.rsm;

import dev.ds.paxos.PaxosStatus;

/**
 * The numbered log the state machine is replicated through: the 6.824 Paxos interface.
 *
 * @param <E> the entry type
 */
public interface Log<E> {

    /** Proposes {@code entry} for instance {@code seq}; returns at once. */
    void start(long seq, E entry);

    /** The fate of instance {@code seq} at this replica: decided with its entry, pending, or forgotten. */
    PaxosStatus<E> status(long seq);

    /** This replica no longer needs instances up to and including {@code seq}. */
    void done(long seq);

    /** The highest instance this replica has heard of. */
    long max();
}
