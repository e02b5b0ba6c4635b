package dev.ds.viewservice.pb;

import static dev.ds.viewservice.pb.PbHarness.DEAD_PINGS;
import static dev.ds.viewservice.pb.PbHarness.PING_INTERVAL;
import static dev.ds.viewservice.pb.PbHarness.VIEWSERVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.kv.KeyRef;
import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvValue;
import dev.ds.client.NoReplyException;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvClient;
import dev.ds.client.pb.PbClient;
import dev.ds.rpc.Faults;
import dev.ds.rpc.ProblemException;
import dev.ds.testkit.history.HistoryRecorder;
import dev.ds.testkit.kv.Appends;
import dev.ds.testkit.kv.RecordingKvClient;
import dev.ds.testkit.linearizability.CheckResult;
import dev.ds.testkit.linearizability.LinearizabilityChecker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ten pbservice tests of 6.824 lab 2B, on the in-memory network. */
class PbServiceTest {

    private static final Duration CHECK_BUDGET = Duration.ofSeconds(10);

    @Test
    @DisplayName("TestBasicFail: single primary, add a backup, count RPCs to viewserver, primary failure, "
            + "kill last server (new one should not be active)")
    void basicFail() {
        try (PbHarness h = new PbHarness("basicFail", 3)) {
            PbClient ck = h.client("ck");
            h.servers.start(0);
            h.awaitServingPrimary(0);
            ck.put("111", "v1");
            assertThat(ck.get("111")).contains("v1");
            ck.put("2", "v2");
            ck.put("1", "v1a");
            ck.append("ak", "hello");
            ck.append("ak", " ");
            ck.put("ak", "hello");
            ck.append("ak", " goodbye");
            assertThat(ck.get("1")).contains("v1a");
            assertThat(ck.get("ak")).contains("hello goodbye");
            assertThat(ck.get("nope")).isEmpty();

            h.servers.start(1);
            h.awaitPair(0, 1);
            ck.put("3", "33");
            assertThat(ck.get("3")).contains("33");

            long n1 = h.network.rpcCount(VIEWSERVER);
            long t1 = System.nanoTime();
            h.waitIntervals(10);
            long intervals = (System.nanoTime() - t1) / PING_INTERVAL.toNanos();
            assertThat(h.network.rpcCount(VIEWSERVER) - n1).as("RPCs to the view server in %d intervals", intervals)
                    .isLessThanOrEqualTo(2 * (intervals + 1) * 2);

            h.servers.kill(0);
            h.awaitServingPrimary(1);
            assertThat(ck.get("1")).as("the backup took over with the data").contains("v1a");
            assertThat(ck.get("3")).contains("33");
            assertThat(ck.get("ak")).contains("hello goodbye");
            ck.put("4", "44");
            assertThat(ck.get("4")).contains("44");

            h.servers.kill(1);
            h.servers.start(2);
            h.waitIntervals(DEAD_PINGS * 3);
            PbClient impatient = h.client("impatient", new Retry(Duration.ofMillis(300)));
            assertThatThrownBy(() -> impatient.get("1")).isInstanceOf(NoReplyException.class);
            assertThat(h.view().primary()).as("an uninitialized server is never primary").isNotEqualTo(h.address(2));
        }
    }

    @Test
    @DisplayName("TestAtMostOnce: at-most-once Append; unreliable")
    void atMostOnce() {
        try (PbHarness h = new PbHarness("atMostOnce", 2)) {
            startPair(h);
            h.servers.setUnreliable(true);
            PbClient ck = h.client("ck");
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                String value = "x" + i + "y";
                ck.append("k", value);
                expected.append(value);
            }
            assertThat(ck.get("k")).contains(expected.toString());
        }
    }

    @Test
    @DisplayName("TestFailPut: Put() immediately after backup failure, Put() immediately after primary failure")
    void failPut() {
        try (PbHarness h = new PbHarness("failPut", 3)) {
            startPair(h);
            h.servers.start(2);
            PbClient ck = h.client("ck");
            ck.put("a", "aa");
            ck.put("b", "bb");
            ck.put("c", "cc");
            assertThat(ck.get("a")).contains("aa");

            h.servers.kill(1);
            ck.put("a", "aaa");
            assertThat(ck.get("a")).contains("aaa");

            h.awaitPair(0, 2);
            h.servers.kill(0);
            ck.put("b", "bbb");
            assertThat(ck.get("b")).contains("bbb");
            h.awaitServingPrimary(2);
            assertThat(ck.get("a")).contains("aaa");
            assertThat(ck.get("c")).contains("cc");
        }
    }

    @Test
    @DisplayName("TestConcurrentSame: concurrent Put()s to the same key")
    void concurrentSame() throws Exception {
        concurrentSamePuts("concurrentSame", false);
    }

    @Test
    @DisplayName("TestConcurrentSameUnreliable: concurrent Put()s to the same key; unreliable")
    void concurrentSameUnreliable() throws Exception {
        concurrentSamePuts("concurrentSameUnreliable", true);
    }

    private void concurrentSamePuts(String name, boolean unreliable) throws Exception {
        try (PbHarness h = new PbHarness(name, 2)) {
            startPair(h);
            h.servers.setUnreliable(unreliable);
            HistoryRecorder recorder = new HistoryRecorder();
            Random random = new Random(h.network.seed());
            runClients(3, Duration.ofSeconds(2), 150, c -> {
                KvClient ck = new RecordingKvClient(h.client("ck" + c), recorder, c);
                return i -> {
                    if (random.nextInt(4) == 0) {
                        ck.get("k");
                    } else {
                        ck.put("k", "v" + c + "." + i);
                    }
                };
            });
            assertLinearizable(recorder);
            h.servers.setUnreliable(false);
            primaryAndBackupAgree(h, "k");
        }
    }

    @Test
    @DisplayName("TestConcurrentSameAppend: concurrent Append()s to the same key")
    void concurrentSameAppend() throws Exception {
        try (PbHarness h = new PbHarness("concurrentSameAppend", 2)) {
            startPair(h);
            HistoryRecorder recorder = new HistoryRecorder();
            int[] sent = runClients(3, Duration.ofSeconds(2), 60, c -> {
                KvClient ck = new RecordingKvClient(h.client("ck" + c), recorder, c);
                return i -> ck.append("k", Appends.element(c, i));
            });
            assertLinearizable(recorder);
            String value = primaryAndBackupAgree(h, "k");
            for (int c = 0; c < sent.length; c++) {
                Appends.check(value, c, sent[c]);
            }
        }
    }

    @Test
    @DisplayName("TestRepeatedCrash: repeated failures/restarts")
    void repeatedCrash() throws Exception {
        try (PbHarness h = new PbHarness("repeatedCrash", 3)) {
            startAllAndAwaitPair(h);
            HistoryRecorder recorder = new HistoryRecorder();
            try (Crasher crasher = new Crasher(h, false)) {
                runClients(3, Duration.ofSeconds(3), 400, c -> {
                    KvClient ck = new RecordingKvClient(h.client("ck" + c), recorder, c);
                    return i -> {
                        String key = "key" + c;
                        ck.put(key, "v" + i);
                        assertThat(ck.get(key)).contains("v" + i);
                    };
                });
                assertThat(crasher.crashes()).as("servers were crashed meanwhile").isPositive();
            }
            assertLinearizable(recorder);
        }
    }

    @Test
    @DisplayName("TestRepeatedCrashUnreliable: repeated failures/restarts with concurrent updates to same key; unreliable")
    void repeatedCrashUnreliable() throws Exception {
        try (PbHarness h = new PbHarness("repeatedCrashUnreliable", 3)) {
            startAllAndAwaitPair(h);
            h.servers.setUnreliable(true);
            HistoryRecorder recorder = new HistoryRecorder();
            int[] sent;
            try (Crasher crasher = new Crasher(h, true)) {
                sent = runClients(3, Duration.ofSeconds(3), 60, c -> {
                    KvClient ck = new RecordingKvClient(h.client("ck" + c), recorder, c);
                    return i -> ck.append("k", Appends.element(c, i));
                });
                assertThat(crasher.crashes()).isPositive();
            }
            assertLinearizable(recorder);
            h.servers.setUnreliable(false);
            String value = h.client("final").get("k").orElse("");
            for (int c = 0; c < sent.length; c++) {
                Appends.check(value, c, sent[c]);
            }
        }
    }

    @Test
    @DisplayName("TestPartition1: old primary does not serve Gets")
    void partition1() {
        try (PbHarness h = new PbHarness("partition1", 2)) {
            startPair(h);
            PbClient ck = h.client("ck");
            ck.put("a", "1");
            h.network.partition(List.of(h.address(0)), List.of(VIEWSERVER, h.address(1), "ck"));
            h.awaitView("the backup takes over", v -> v.isPrimary(h.address(1)));
            h.awaitServingPrimary(1);
            ck.put("a", "111");

            Optional<String> answered = directGet(h, h.address(0), "a");
            assertThat(answered).as("the old primary must not serve the stale value").isEmpty();
            assertThat(ck.get("a")).contains("111");
        }
    }

    @Test
    @DisplayName("TestPartition2: partitioned old primary does not complete Gets")
    void partition2() throws Exception {
        try (PbHarness h = new PbHarness("partition2", 2)) {
            startPair(h);
            PbClient ck = h.client("ck");
            PbClient stale = h.client("stale");
            ck.put("a", "1");
            assertThat(stale.get("a")).as("the stale client knows the old primary").contains("1");

            h.network.partition(List.of(h.address(0), "stale"), List.of(VIEWSERVER, h.address(1), "ck"));
            CompletableFuture<Optional<String>> pending = CompletableFuture.supplyAsync(() -> stale.get("a"));
            h.awaitView("the backup takes over", v -> v.isPrimary(h.address(1)));
            h.awaitServingPrimary(1);
            ck.put("a", "111");
            assertThat(pending).as("a Get through the partitioned old primary does not complete").isNotDone();

            h.network.heal();
            assertThat(pending.get(PbHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS))
                    .as("once healed it sees the new value, never the old one").contains("111");
        }
    }

    @Test
    @DisplayName("A backup slow to take the state does not get a live primary declared dead")
    void slowBackupDoesNotStallTheHeartbeat() {
        try (PbHarness h = new PbHarness("slowBackup", 2)) {
            h.servers.start(0);
            h.awaitServingPrimary(0);
            h.network.setFaults(h.address(1), Faults.NONE.withDelayMs(PING_INTERVAL.toMillis() * DEAD_PINGS * 3));
            h.servers.start(1);
            h.awaitPair(0, 1);
            assertThat(h.view().primary()).as("the primary kept pinging while its transfer was slow")
                    .isEqualTo(h.address(0));
            assertThat(h.vs.status().viewChanges()).as("no failover happened").isEqualTo(2);
            h.network.setFaults(h.address(1), Faults.NONE);
            PbClient ck = h.client("ck");
            ck.put("k", "v");
            assertThat(ck.get("k")).contains("v");
        }
    }

    // ---- helpers ----

    private static void startAllAndAwaitPair(PbHarness h) {
        h.servers.startAll();
        h.awaitView("a primary and a backup", v -> v.primary() != null && v.backup() != null);
        h.awaitServingPrimary(h.addresses().indexOf(h.view().primary()));
    }

    private static void startPair(PbHarness h) {
        h.servers.start(0);
        h.awaitServingPrimary(0);
        h.servers.start(1);
        h.awaitPair(0, 1);
    }

    /** A Get sent straight to one server, as a client that believes it is primary would: the value, or empty if refused or unanswered. */
    private static Optional<String> directGet(PbHarness h, String server, String key) {
        try {
            return h.network.client("direct").call(server, KvApi.GET, new KeyRef(key)).map(KvValue::value);
        } catch (ProblemException refused) {
            return Optional.empty();
        }
    }

    /** Reads the key, kills the primary, and checks that the promoted backup answers the same. */
    private static String primaryAndBackupAgree(PbHarness h, String key) {
        PbClient ck = h.client("agree");
        String before = ck.get(key).orElseThrow();
        int primary = h.addresses().indexOf(h.view().primary());
        int backup = h.addresses().indexOf(h.view().backup());
        h.servers.kill(primary);
        h.awaitServingPrimary(backup);
        assertThat(ck.get(key)).as("the backup holds what the primary held").contains(before);
        return before;
    }

    private static void assertLinearizable(HistoryRecorder recorder) {
        CheckResult result = LinearizabilityChecker.check(recorder.history(), CHECK_BUDGET);
        assertThat(result.isOk()).as("history of %d operations: %s", recorder.history().size(), result).isTrue();
    }

    /** Sets up client {@code c} once and returns what its {@code i}-th step does. */
    @FunctionalInterface
    interface Steps {
        IntConsumer forClient(int client);
    }

    /**
     * Runs {@code n} clients, each doing steps until {@code duration} has passed or it has done
     * {@code maxSteps}; returns how many steps each completed. A step that timed out ends that client.
     */
    private static int[] runClients(int n, Duration duration, int maxSteps, Steps steps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                IntConsumer step = steps.forClient(client);
                int i = 0;
                while (i < maxSteps && System.nanoTime() - end < 0) {
                    step.accept(i);
                    i++;
                }
                return i;
            }));
        }
        int[] counts = new int[n];
        for (int c = 0; c < n; c++) {
            counts[c] = done.get(c).get(PbHarness.DEADLINE.toSeconds() * 3, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        return counts;
    }

    /**
     * Kills and restarts servers one at a time while clients run, as the 6.824 crash tests do: it
     * waits for a serving primary with a backup before each crash, so at most one copy is lost.
     */
    private static final class Crasher implements AutoCloseable {
        private final PbHarness h;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;
        private volatile int crashes;

        Crasher(PbHarness h, boolean alsoPrimary) {
            this.h = h;
            Random random = new Random(h.network.seed() + 1);
            this.thread = new Thread(() -> {
                while (!stop.get()) {
                    int victim = random.nextInt(h.servers.size());
                    if (!alsoPrimary && h.address(victim).equals(h.view().primary())) {
                        victim = h.addresses().indexOf(h.view().backup());
                    }
                    if (victim < 0) {
                        continue;
                    }
                    h.servers.kill(victim);
                    crashes++;
                    h.waitIntervals(DEAD_PINGS * 2);
                    h.servers.start(victim);
                    h.awaitView("a primary and a backup again",
                            v -> v.primary() != null && v.backup() != null);
                    h.awaitServingPrimary(h.addresses().indexOf(h.view().primary()));
                }
            }, "crasher");
            thread.start();
        }

        int crashes() {
            return crashes;
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(PbHarness.DEADLINE.toMillis());
        }
    }
}
