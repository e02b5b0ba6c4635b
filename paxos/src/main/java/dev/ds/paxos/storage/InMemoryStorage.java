package dev.ds.paxos.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Storage in memory, for tests and the simulator, with the durability model of a disk.
 *
 * <p>It keeps two copies: what a reader would see now ({@code live}) and what would survive a
 * crash ({@code disk}). A {@code SYNC} write brings the disk up to date with every write so far,
 * as an fsync of a write-ahead log does; a {@code LAZY} write reaches only {@code live}. {@link
 * #crash()} throws away whatever was not synced, so a test or the simulator restarting a peer on
 * the same object sees exactly what a real disk would have kept. Values are immutable and shared
 * by both copies, so the second copy costs only references.
 *
 * <p>Forgetting reaches the disk at once, with every write before it, as if the operating system
 * had flushed its buffers then; so does a long run of unsynced writes. Both are outcomes a real
 * disk can have, and without them the disk copy would hold on to forgotten values.
 */
public final class InMemoryStorage implements PaxosStorage {

    private final Copy live = new Copy();
    private Copy disk = new Copy();
    private static final int WRITE_BACK = 1024;

    private final List<Consumer<Copy>> unsynced = new ArrayList<>();

    @Override
    public synchronized StoredState load() {
        return new StoredState(live.meta, live.instances);
    }

    @Override
    public synchronized void put(long seq, InstanceRecord record, Durability durability) {
        write(copy -> copy.instances.put(seq, record), durability);
    }

    @Override
    public synchronized void putMeta(PeerMeta meta, Durability durability) {
        write(copy -> copy.meta = meta, durability);
    }

    @Override
    public synchronized void forget(long below, PeerMeta meta) {
        write(copy -> {
            copy.instances.headMap(below, false).clear();
            copy.meta = meta;
        }, Durability.SYNC);
    }

    @Override
    public synchronized long instanceCount() {
        return live.instances.size();
    }

    /** A crash: every write since the last synced one is lost. */
    public synchronized void crash() {
        unsynced.clear();
        live.instances.clear();
        live.instances.putAll(disk.instances);
        live.meta = disk.meta;
    }

    /** A lost disk: nothing survives. */
    public synchronized void wipe() {
        unsynced.clear();
        disk = new Copy();
        live.instances.clear();
        live.meta = PeerMeta.EMPTY;
    }

    @Override
    public void close() {
        // Nothing to release; a closed peer simply stops writing.
    }

    private void write(Consumer<Copy> change, Durability durability) {
        change.accept(live);
        unsynced.add(change);
        if (durability == Durability.SYNC || unsynced.size() >= WRITE_BACK) {
            unsynced.forEach(pending -> pending.accept(disk));
            unsynced.clear();
        }
    }

    private static final class Copy {
        private final NavigableMap<Long, InstanceRecord> instances = new TreeMap<>();
        private PeerMeta meta = PeerMeta.EMPTY;
    }
}
