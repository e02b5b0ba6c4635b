package dev.ds.rsm;

import java.util.Optional;

/**
 * Where a replica keeps its latest snapshot. With {@link #NONE} nothing is kept: the replica tells
 * the log it is done with each instance as soon as it has applied it, and a restart starts empty.
 */
public interface Snapshots {

    Snapshots NONE = new Snapshots() {
        @Override
        public Optional<byte[]> load() {
            return Optional.empty();
        }

        @Override
        public void save(byte[] snapshot) {
            throw new UnsupportedOperationException("no snapshot store");
        }
    };

    Optional<byte[]> load();

    /** Stores {@code snapshot} durably before returning, replacing the previous one. */
    void save(byte[] snapshot);
}
