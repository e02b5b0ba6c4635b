package dev.ds.paxos.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The on-disk store: RocksDB, one key per instance and one for the peer's meta.
 *
 * <p>A {@code SYNC} write goes through RocksDB's write-ahead log with {@code sync=true}, so it is on
 * disk when {@link #put} returns; concurrent synced writes share one fsync (RocksDB's group
 * commit). {@code LAZY} writes go to the same log without the sync, so they are ordered with the
 * synced ones and survive a process crash, but perhaps not a power loss. Forgetting is one atomic
 * batch: a range delete of the forgotten instances and the new meta. Why RocksDB rather than a log
 * of our own, with the measurements, is in the module README.
 */
public final class RocksDbStorage implements PaxosStorage {

    private static final byte INSTANCE = 'i';
    private static final byte[] META = {'m'};

    private final Options options;
    private final RocksDB db;
    private final WriteOptions synced;
    private final WriteOptions lazy;

    private RocksDbStorage(Options options, RocksDB db) {
        this.options = options;
        this.db = db;
        this.synced = new WriteOptions().setSync(true);
        this.lazy = new WriteOptions().setSync(false);
    }

    /** Opens (creating if needed) the store in {@code dir}. */
    public static RocksDbStorage open(Path dir) {
        RocksDB.loadLibrary();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Options options = new Options().setCreateIfMissing(true);
        try {
            return new RocksDbStorage(options, RocksDB.open(options, dir.toString()));
        } catch (RocksDBException e) {
            options.close();
            throw new IllegalStateException("cannot open Paxos storage in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StoredState load() {
        NavigableMap<Long, InstanceRecord> instances = new TreeMap<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(key(0)); it.isValid() && it.key()[0] == INSTANCE; it.next()) {
                instances.put(seqOf(it.key()), RecordCodec.decodeInstance(it.value()));
            }
            byte[] meta = db.get(META);
            return new StoredState(meta == null ? PeerMeta.EMPTY : RecordCodec.decodeMeta(meta), instances);
        } catch (RocksDBException e) {
            throw failure("load", e);
        }
    }

    @Override
    public void put(long seq, InstanceRecord record, Durability durability) {
        try {
            db.put(options(durability), key(seq), RecordCodec.encode(record));
        } catch (RocksDBException e) {
            throw failure("write instance " + seq, e);
        }
    }

    @Override
    public void putMeta(PeerMeta meta, Durability durability) {
        try {
            db.put(options(durability), META, RecordCodec.encode(meta));
        } catch (RocksDBException e) {
            throw failure("write meta", e);
        }
    }

    @Override
    public void forget(long below, PeerMeta meta) {
        try (WriteBatch batch = new WriteBatch()) {
            batch.deleteRange(key(0), key(below));
            batch.put(META, RecordCodec.encode(meta));
            db.write(lazy, batch);
        } catch (RocksDBException e) {
            throw failure("forget below " + below, e);
        }
    }

    @Override
    public long instanceCount() {
        long count = 0;
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(key(0)); it.isValid() && it.key()[0] == INSTANCE; it.next()) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        synced.close();
        lazy.close();
        db.close();
        options.close();
    }

    private WriteOptions options(Durability durability) {
        return durability == Durability.SYNC ? synced : lazy;
    }

    /** The prefix, then the sequence number big-endian, so that keys sort as instances do. */
    private static byte[] key(long seq) {
        return ByteBuffer.allocate(9).put(INSTANCE).putLong(seq).array();
    }

    private static long seqOf(byte[] key) {
        return ByteBuffer.wrap(key, 1, 8).getLong();
    }

    /**
     * A storage failure is fatal for the peer: it cannot promise what it cannot record, and a
     * reply must not leave without its write.
     */
    private static IllegalStateException failure(String what, RocksDBException e) {
        return new IllegalStateException("Paxos storage failed to " + what + ": " + e.getMessage(), e);
    }
}
