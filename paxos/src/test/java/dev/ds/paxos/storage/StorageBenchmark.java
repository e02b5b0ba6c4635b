package dev.ds.paxos.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable accepts per second: what one acceptor can promise to disk, synced, on this machine. It
 * compares RocksDB ({@code sync=true}) with the simplest log of our own (append, then
 * {@code FileChannel.force}), with one writer (one instance at a time) and with four (instances in
 * flight side by side). Off by default; the module README has the command and the numbers.
 */
class StorageBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(StorageBenchmark.class);
    private static final long MILLIS = Long.getLong("paxos.bench.millis", 3_000);

    @TempDir
    Path dir;

    @Test
    void durableAcceptsPerSecond() throws Exception {
        assumeTrue(Boolean.getBoolean("paxos.bench"), "run with -Dpaxos.bench=true");
        for (int size : new int[] {100, 4_096}) {
            for (int threads : new int[] {1, 4}) {
                try (RocksDbStorage rocks = RocksDbStorage.open(dir.resolve("rocks-" + size + "-" + threads))) {
                    report("RocksDB, sync", size, threads, run(threads, seq -> rocks.put(seq, record(seq, size), Durability.SYNC)));
                }
                try (FsyncLog log = new FsyncLog(dir.resolve("log-" + size + "-" + threads))) {
                    report("own log, force", size, threads, run(threads, seq -> log.append(RecordCodec.encode(record(seq, size)))));
                }
            }
        }
    }

    private static void report(String store, int size, int threads, double perSecond) {
        LOG.info(String.format("%-15s value %5d B, %d writer(s): %8.0f durable writes/s", store, size, threads, perSecond));
    }

    /** After a warm-up second, writes from {@code threads} threads for the configured time; answers writes per second. */
    private static double run(int threads, LongConsumer write) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        timed(threads, write, next, 1_000);
        next.set(0);
        timed(threads, write, next, MILLIS);
        return next.get() * 1000.0 / MILLIS;
    }

    private static void timed(int threads, LongConsumer write, AtomicLong next, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    write.accept(next.getAndIncrement());
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static InstanceRecord record(long seq, int size) {
        byte[] value = new byte[size];
        new Random(seq).nextBytes(value);
        return InstanceRecord.EMPTY.withAccepted(new ProposalNumber(0, seq + 1, 0, 0), Value.of(value));
    }

    /** The alternative measured: an append-only file, each record synced before the write returns. */
    private static final class FsyncLog implements AutoCloseable {
        private final FileChannel channel;

        FsyncLog(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }

        synchronized void append(byte[] record) {
            try {
                channel.write(ByteBuffer.allocate(4 + record.length).putInt(record.length).put(record).flip());
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
