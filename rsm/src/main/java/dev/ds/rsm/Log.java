package dev.ds.rsm;

/**
 * The numbered log the state machine is replicated through: the 6.824 Paxos interface.
 *
 * @param <E> the entry type
 */
public interface Log<E> {

    /** Proposes {@code entry} for instance {@code seq}; returns at once. */
    void start(long seq, E entry);

    /** The fate of instance {@code seq} at this replica. */
    Slot<E> status(long seq);

    /** This replica no longer needs instances up to and including {@code seq}. */
    void done(long seq);

    /** The highest instance this replica has heard of. */
    long max();

    /** One instance's fate: decided with its entry, still pending, or forgotten. */
    record Slot<E>(Fate fate, E entry) {

        public enum Fate { DECIDED, PENDING, FORGOTTEN }

        public static <E> Slot<E> decided(E entry) {
            return new Slot<>(Fate.DECIDED, entry);
        }

        public static <E> Slot<E> pending() {
            return new Slot<>(Fate.PENDING, null);
        }

        public static <E> Slot<E> forgotten() {
            return new Slot<>(Fate.FORGOTTEN, null);
        }
    }
}
