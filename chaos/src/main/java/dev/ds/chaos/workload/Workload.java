package dev.ds.chaos.workload;

import dev.ds.chaos.store.Store;
import dev.ds.client.NoReplyException;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvClient;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import dev.ds.testkit.history.KvInput;
import dev.ds.testkit.kv.Appends;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Concurrent clients of one store, each recording every operation with its invocation and
 * completion times. Keys are of two kinds: {@code k*} take puts of unique values (so a read names
 * the write it saw) and {@code a*} take only appends of 6.824's unique elements (so the final value
 * shows each append applied once or not at all). Reads go to both.
 */
public final class Workload {

    /** Keys that take puts. */
    public static final List<String> PUT_KEYS = List.of("k0", "k1", "k2", "k3", "k4");

    /** Keys that take appends only; each minute of the run uses fresh ones ({@code a0.3}: a0 in minute 3). */
    public static final List<String> APPEND_KEYS = List.of("a0", "a1");

    /**
     * A long run appends for half an hour; a key holding every append of it makes the linearizability
     * checker's states (the key's whole value) so large that it ran out of memory. Fresh keys each
     * minute keep every key's history short.
     */
    private static final long APPEND_KEY_NANOS = 60_000_000_000L;

    private static final AtomicLong IDS = new AtomicLong();

    private final Store store;
    private final RpcClient rpc;
    private final int clients;
    private final long seed;
    private final LongSupplier clock;
    private final Duration retry;
    private final double readShare;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Op> ops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final java.util.Set<String> appendKeys = new java.util.concurrent.ConcurrentSkipListSet<>();

    /** {@code readPercent} of the operations are reads; the rest are puts and appends, half each. */
    public Workload(Store store, RpcClient rpc, int clients, long seed, LongSupplier clock, Duration retry,
            int readPercent) {
        this.readShare = readPercent / 100.0;
        this.store = store;
        this.rpc = rpc;
        this.clients = clients;
        this.seed = seed;
        this.clock = clock;
        this.retry = retry;
    }

    public void start() {
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> run(client), "client-" + store.name() + "-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops the clients once their current operation ends (at most one retry deadline). */
    public void stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(retry.toMillis() * 3 + 5_000);
        }
    }

    public int clients() {
        return clients;
    }

    public Store store() {
        return store;
    }

    private void run(int client) {
        Random random = new Random(seed * 1_000_003L + client);
        KvClient kv = store.client(rpc, client, new Retry(retry));
        int puts = 0;
        int appends = 0;
        while (!stop.get()) {
            double dice = random.nextDouble();
            if (dice < readShare) {
                String key = random.nextBoolean() ? PUT_KEYS.get(random.nextInt(PUT_KEYS.size()))
                        : appendKey(APPEND_KEYS.get(random.nextInt(APPEND_KEYS.size())));
                perform(client, KvInput.get(key), () -> kv.get(key).orElse(null));
            } else if (dice < readShare + (1 - readShare) / 2) {
                String key = PUT_KEYS.get(random.nextInt(PUT_KEYS.size()));
                String value = "v" + client + "." + puts++;
                perform(client, KvInput.put(key, value), () -> {
                    kv.put(key, value);
                    return null;
                });
            } else {
                String key = appendKey(APPEND_KEYS.get(random.nextInt(APPEND_KEYS.size())));
                String value = Appends.element(client, appends++);
                perform(client, KvInput.append(key, value), () -> {
                    kv.append(key, value);
                    return null;
                });
            }
            pause(10 + random.nextInt(40));
        }
    }

    private String appendKey(String base) {
        String key = base + "." + clock.getAsLong() / APPEND_KEY_NANOS;
        appendKeys.add(key);
        return key;
    }

    /** Every append key the clients have used so far. */
    public List<String> appendKeys() {
        return List.copyOf(appendKeys);
    }

    /** One final read of {@code key} by a fresh client that waits long, recorded like any other. */
    public Op finalRead(String key, int client, Duration patience) {
        KvClient kv = store.client(rpc, client, new Retry(patience));
        return perform(client, KvInput.get(key), () -> kv.get(key).orElse(null));
    }

    private interface Call {
        String run();
    }

    private Op perform(int client, KvInput input, Call call) {
        long id = IDS.getAndIncrement();
        long start = clock.getAsLong();
        Op op;
        try {
            String value = call.run();
            op = new Op(id, store.name(), client, input, Op.Outcome.OK, value, start, clock.getAsLong(), null);
        } catch (NoReplyException e) {
            op = new Op(id, store.name(), client, input, Op.Outcome.UNKNOWN, null, start, clock.getAsLong(),
                    e.getMessage());
        } catch (ProblemException e) {
            // A problem other than the retryable ones: not applied for a read; a write that saw one may
            // still have been applied on an earlier attempt, so it stays open-ended.
            Op.Outcome outcome = input.isRead() ? Op.Outcome.FAILED : Op.Outcome.UNKNOWN;
            op = new Op(id, store.name(), client, input, outcome, null, start, clock.getAsLong(),
                    e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            op = new Op(id, store.name(), client, input, Op.Outcome.UNKNOWN, null, start, clock.getAsLong(),
                    e.toString());
        }
        synchronized (ops) {
            ops.add(op);
        }
        return op;
    }

    public List<Op> ops() {
        synchronized (ops) {
            return List.copyOf(ops);
        }
    }

    /** The completion time of client {@code client}'s first answered operation that ended after {@code after}. */
    public Optional<Long> firstOkAfter(int client, long after) {
        return ops().stream().filter(op -> op.client() == client && op.outcome() == Op.Outcome.OK && op.ret() > after)
                .map(Op::ret).min(Long::compare);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
