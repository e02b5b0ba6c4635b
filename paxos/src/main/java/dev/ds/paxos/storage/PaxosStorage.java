package dev.ds.paxos.storage;

/**
 * Where a peer keeps what must survive a crash: its acceptor state per instance and its {@link
 * PeerMeta}. The peer reads it once, on opening, and afterwards only writes.
 *
 * <p>Implementations: {@link InMemoryStorage} for tests and the simulator (it can also play a
 * crash, losing what was not synced), and {@link RocksDbStorage} on disk.
 */
public interface PaxosStorage extends AutoCloseable {

    StoredState load();

    /** Replaces the record of instance {@code seq}; with {@code SYNC} it is on disk on return. */
    void put(long seq, InstanceRecord record, Durability durability);

    void putMeta(PeerMeta meta, Durability durability);

    /** Deletes every instance below {@code below} and writes {@code meta}, atomically, not synced. */
    void forget(long below, PeerMeta meta);

    /** Instances stored now. */
    long instanceCount();

    @Override
    void close();
}
