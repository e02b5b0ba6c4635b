package dev.ds.client.kv;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A {@link KvClient} whose calls return a {@link CompletableFuture} at once. Each call runs the
 * blocking client's call, retries included, on this client's own threads; a failure
 * ({@link dev.ds.client.NoReplyException}, {@link dev.ds.rpc.ProblemException}) completes the future
 * exceptionally. Writes still go one at a time, in the order they were made, since a client has at
 * most one write outstanding (CONTRACT.md section 3). {@link #close} stops the threads and closes
 * the blocking client.
 */
public final class AsyncKvClient implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final KvClient sync;
    private final ExecutorService executor;

    AsyncKvClient(KvClient sync) {
        this.sync = sync;
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "ds-kv-async-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(factory);
    }

    public CompletableFuture<Optional<String>> get(String key) {
        return run(() -> sync.get(key));
    }

    public CompletableFuture<Void> put(String key, String value) {
        return run(() -> {
            sync.put(key, value);
            return null;
        });
    }

    public CompletableFuture<Void> append(String key, String value) {
        return run(() -> {
            sync.append(key, value);
            return null;
        });
    }

    /** The blocking client underneath. */
    public KvClient sync() {
        return sync;
    }

    private <T> CompletableFuture<T> run(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    /** Waits up to the calls' own deadline for calls under way, then closes the blocking client. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            sync.close();
        }
    }
}
