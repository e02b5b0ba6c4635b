package dev.ds.paxoskv.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.client.NoReplyException;
import dev.ds.client.kv.KvClient;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.history.HistoryRecorder;
import dev.ds.testkit.kv.Appends;
import dev.ds.testkit.kv.RecordingKvClient;
import dev.ds.testkit.linearizability.CheckResult;
import dev.ds.testkit.linearizability.LinearizabilityChecker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The first kvpaxos tests of 6.824 lab 3B, on the in-memory network. */
class KvPaxosTest {

    @Test
    @DisplayName("TestBasic: basic put/append/get, and concurrent clients (linearizable, appends once each)")
    void basic() throws Exception {
        try (KvPaxosHarness h = new KvPaxosHarness("kvpaxos-basic", 3)) {
            h.servers.startAll();
            PaxosKvClient ck = h.client("ck");
            ck.put("a", "aa");
            assertThat(ck.get("a")).contains("aa");
            ck.append("a", "x");
            ck.append("a", "y");
            for (int i = 0; i < 3; i++) {
                assertThat(h.client("ck" + i, i).get("a")).as("replica %d", i).contains("aaxy");
            }
            assertThat(ck.get("nothing")).isEmpty();

            int clients = 4;
            appendConcurrentlyAndCheck(clients, 25, client -> h.client("concurrent" + client, client % 3));
            String value = ck.get("k").orElseThrow();
            for (int c = 0; c < clients; c++) {
                Appends.check(value, c, 25);
            }
        }
    }

    @Test
    @DisplayName("TestPartition: no progress in minority, progress in majority, completion after heal")
    void partition() throws Exception {
        try (KvPaxosHarness h = new KvPaxosHarness("kvpaxos-partition", 5)) {
            h.servers.startAll();
            PaxosKvClient ck = h.client("ck");
            ck.put("1", "12");
            h.network.partition(List.of(h.servers.address(0), h.servers.address(1), "minority"),
                    List.of(h.servers.address(2), h.servers.address(3), h.servers.address(4), "majority"));

            PaxosKvClient minority = h.impatientClient("minority", Duration.ofSeconds(2), 0, 1);
            assertThatThrownBy(() -> minority.put("1", "15"))
                    .as("no progress in minority").isInstanceOf(NoReplyException.class);

            PaxosKvClient majority = h.client("majority", 2, 3, 4);
            majority.put("1", "14");
            assertThat(majority.get("1")).as("progress in majority").contains("14");

            PaxosKvClient patient = h.client("patient", 0);
            CompletableFuture<Void> pending = CompletableFuture.runAsync(() -> patient.put("2", "16"));
            h.network.heal();
            pending.get(KvPaxosHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            PaxosKvClient after = h.client("after", 3);
            assertThat(after.get("2")).as("completion after heal").contains("16");
            assertThat(after.get("1").orElseThrow()).as("the timed-out minority write may or may not have taken effect")
                    .isIn("14", "15");
        }
    }

    @Test
    @DisplayName("TestDone: retained Paxos state stays bounded after 20 puts of 1 MB")
    void done() {
        try (KvPaxosHarness h = new KvPaxosHarness("kvpaxos-done", 3)) {
            h.servers.startAll();
            PaxosKvClient ck = h.client("ck");
            String big = "x".repeat(1024 * 1024);
            for (int i = 0; i < 20; i++) {
                ck.put("big", i + big);
            }
            long bound = 5L * 1024 * 1024;
            for (int i = 0; i < 3; i++) {
                int replica = i;
                PaxosKvClient reader = h.client("reader" + i, replica);
                Await.until("replica " + i + " forgets applied instances", KvPaxosHarness.DEADLINE, () -> {
                    reader.get("small");
                    return h.servers.node(replica).paxos().peer().peerStatus().retainedBytes() < bound;
                });
            }
            assertThat(ck.get("big").orElseThrow()).startsWith("19x").hasSize(big.length() + 2);
        }
    }

    @Test
    @DisplayName("TestUnreliable: concurrent appends and gets through an unreliable network")
    void unreliable() throws Exception {
        try (KvPaxosHarness h = new KvPaxosHarness("kvpaxos-unreliable", 3)) {
            h.servers.startAll();
            h.servers.setUnreliable(true);
            int clients = 3;
            appendConcurrentlyAndCheck(clients, 15, client -> h.client("u" + client));
            h.servers.setUnreliable(false);
            String value = h.client("final").get("k").orElseThrow();
            for (int c = 0; c < clients; c++) {
                Appends.check(value, c, 15);
            }
        }
    }

    @Test
    @DisplayName("TestHole: tolerates holes in the Paxos sequence")
    void hole() throws Exception {
        try (KvPaxosHarness h = new KvPaxosHarness("kvpaxos-hole", 5)) {
            h.servers.startAll();
            h.client("ck").put("q", "q");
            Random random = new Random(h.network.seed());
            for (int round = 0; round < 3; round++) {
                // A client stuck in the minority leaves proposals in instances the majority then fills.
                h.network.partition(List.of(h.servers.address(0), h.servers.address(1), "stuck" + round),
                        List.of(h.servers.address(2), h.servers.address(3), h.servers.address(4), "majority" + round));
                PaxosKvClient stuck = h.client("stuck" + round, 0, 1);
                String value = "stuck" + round;
                CompletableFuture<Void> hanging = CompletableFuture.runAsync(() -> stuck.put("q", value));
                PaxosKvClient majority = h.client("majority" + round, 2, 3, 4);
                for (int i = 0; i < 5; i++) {
                    majority.append("h" + round, String.valueOf(random.nextInt(10)));
                }
                h.network.heal();
                hanging.get(KvPaxosHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
            for (int round = 0; round < 3; round++) {
                String expected = h.client("check", 2).get("h" + round).orElseThrow();
                assertThat(expected).hasSize(5);
                for (int i = 0; i < 5; i++) {
                    assertThat(h.client("replica" + i, i).get("h" + round)).as("replica %d", i).contains(expected);
                }
            }
            assertThat(h.client("last", 0).get("q")).contains("stuck2");
        }
    }

    @Test
    @DisplayName("TestManyPartition: many clients, partitions changing, unreliable; linearizable, appends once")
    void manyPartition() throws Exception {
        try (KvPaxosHarness h = new KvPaxosHarness("kvpaxos-manypartition", 5)) {
            h.servers.startAll();
            h.servers.setUnreliable(true);
            Random random = new Random(h.network.seed());
            AtomicBoolean done = new AtomicBoolean();
            Thread partitioner = new Thread(() -> {
                while (!done.get()) {
                    List<Integer> a = new ArrayList<>();
                    List<Integer> b = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        (random.nextBoolean() ? a : b).add(i);
                    }
                    h.servers.partition(a, b);
                    Await.until("a partition interval", Duration.ofSeconds(5), sleepingFor(Duration.ofMillis(200)));
                }
            }, "partitioner");
            partitioner.start();
            HistoryRecorder recorder = new HistoryRecorder();
            int clients = 4;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<Integer>> sent = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            for (int c = 0; c < clients; c++) {
                int client = c;
                sent.add(pool.submit(() -> {
                    KvClient mine = new RecordingKvClient(h.client("m" + client), recorder, client);
                    int i = 0;
                    while (i < 30 && System.nanoTime() - end < 0) {
                        mine.append("k", Appends.element(client, i));
                        i++;
                    }
                    return i;
                }));
            }
            int[] counts = new int[clients];
            for (int c = 0; c < clients; c++) {
                try {
                    counts[c] = sent.get(c).get(KvPaxosHarness.DEADLINE.toSeconds() * 2, TimeUnit.SECONDS);
                } finally {
                    done.set(true);
                }
            }
            partitioner.join();
            pool.shutdownNow();
            h.network.heal();
            h.servers.setUnreliable(false);
            CheckResult result = LinearizabilityChecker.check(recorder.history(), Duration.ofSeconds(10));
            assertThat(result.isOk()).as("%s", result).isTrue();
            String value = h.client("final").get("k").orElseThrow();
            for (int c = 0; c < clients; c++) {
                Appends.check(value, c, counts[c]);
            }
        }
    }

    /**
     * Clients append their elements to one key and read it after each append, all at once; the
     * recorded history must be linearizable.
     */
    private static void appendConcurrentlyAndCheck(int clients, int appends, IntFunction<KvClient> clientFor)
            throws Exception {
        HistoryRecorder recorder = new HistoryRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                KvClient mine = new RecordingKvClient(clientFor.apply(client), recorder, client);
                for (int i = 0; i < appends; i++) {
                    mine.append("k", Appends.element(client, i));
                    mine.get("k");
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(KvPaxosHarness.DEADLINE.toSeconds() * 2, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        CheckResult result = LinearizabilityChecker.check(recorder.history(), Duration.ofSeconds(10));
        assertThat(result.isOk()).as("%s", result).isTrue();
    }

    /** A condition that becomes true once {@code duration} has passed: a bounded, deadline-checked pause. */
    private static BooleanSupplier sleepingFor(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        return () -> System.nanoTime() - until >= 0;
    }
}
