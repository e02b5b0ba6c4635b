package dev.ds.shardkv.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.NoReplyException;
import dev.ds.client.kv.KvClient;
import dev.ds.api.shardkv.ShardKeys;
import dev.ds.client.shardkv.ShardKvClient;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.history.HistoryRecorder;
import dev.ds.testkit.kv.Appends;
import dev.ds.testkit.kv.RecordingKvClient;
import dev.ds.testkit.linearizability.CheckResult;
import dev.ds.testkit.linearizability.LinearizabilityChecker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shardkv tests of 6.824 lab 4B, on the in-memory network. */
class ShardKvTest {

    @Test
    @DisplayName("Test: Basic Join/Leave")
    void basic() {
        try (ShardKvHarness h = new ShardKvHarness("shardkv-basic", 3, 3)) {
            h.join(0);
            ShardKvClient ck = h.client("ck");
            ck.put("a", "x");
            ck.append("a", "b");
            assertThat(ck.get("a")).contains("xb");

            Random random = new Random(h.network.seed());
            Map<String, String> expected = onePerShard("basic", random);
            expected.forEach(ck::put);
            joinTheOthers(h, ck, expected, random);
            for (int g = 0; g < h.groups.size() - 1; g++) {
                h.leave(g);
                checkAndAppend(ck, expected, random);
            }
        }
    }

    @Test
    @DisplayName("Test: Shards really move")
    void move() throws Exception {
        try (ShardKvHarness h = new ShardKvHarness("shardkv-move", 2, 3)) {
            h.join(0);
            h.join(1);
            ShardKvClient ck = h.client("ck");
            Map<String, String> expected = onePerShard("move", new Random(h.network.seed()));
            expected.forEach(ck::put);
            expected.forEach((key, value) -> assertThat(ck.get(key)).contains(value));
            Config latest = h.latestConfig();
            Await.until("group 100 at configuration " + latest.num(), ShardKvHarness.DEADLINE,
                    () -> h.groups.get(0).node(0).kv().view().config() == latest.num());

            for (int i = 0; i < h.groups.get(1).size(); i++) {
                h.groups.get(1).kill(i);
            }
            // Only the keys whose shards group 100 owns can still be read; the others are gone with group 101.
            ExecutorService pool = Executors.newFixedThreadPool(expected.size());
            List<Future<Boolean>> reads = new ArrayList<>();
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                reads.add(pool.submit(() -> {
                    try {
                        return h.client("reader-" + entry.getKey(), Duration.ofSeconds(2)).get(entry.getKey())
                                .orElseThrow().equals(entry.getValue());
                    } catch (NoReplyException e) {
                        return false;
                    }
                }));
            }
            int readable = 0;
            for (Future<Boolean> read : reads) {
                readable += read.get(ShardKvHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdownNow();
            long ownedBy100 = latest.shards().stream().filter(gid -> gid == ShardKvHarness.gid(0)).count();
            assertThat(ownedBy100).isBetween(4L, 6L);
            assertThat(readable).as("keys readable with group 101 dead").isEqualTo((int) ownedBy100);
        }
    }

    @Test
    @DisplayName("Test: Reconfiguration with some dead replicas")
    void limp() {
        try (ShardKvHarness h = new ShardKvHarness("shardkv-limp", 3, 3)) {
            h.join(0);
            Random random = new Random(h.network.seed());
            for (int g = 0; g < h.groups.size(); g++) {
                h.groups.get(g).kill(random.nextInt(h.groups.get(g).size()));
            }
            ShardKvClient ck = h.client("ck");
            Map<String, String> expected = onePerShard("limp", random);
            expected.forEach(ck::put);
            joinTheOthers(h, ck, expected, random);
            for (int g = 0; g < h.groups.size() - 1; g++) {
                h.leave(g);
                // Once the group has handed every shard over (and deleted it), it may die altogether.
                h.awaitDrained(g);
                for (int i = 0; i < h.groups.get(g).size(); i++) {
                    h.groups.get(g).kill(i);
                }
                checkAndAppend(ck, expected, random);
            }
        }
    }

    @Test
    @DisplayName("Test: Concurrent Put/Get/Move")
    void concurrent() throws Exception {
        concurrentAppendsWhileMoving("shardkv-concurrent", false);
    }

    @Test
    @DisplayName("Test: Concurrent Put/Get/Move (unreliable)")
    void concurrentUnreliable() throws Exception {
        concurrentAppendsWhileMoving("shardkv-concurrent-unreliable", true);
    }

    /**
     * Clients append to a few keys and read them back while {@value #RECONFIGURATIONS} joins, leaves
     * and moves shuffle the shards between three groups: the history is linearizable and every
     * append is there once, in order.
     */
    private static void concurrentAppendsWhileMoving(String test, boolean unreliable) throws Exception {
        try (ShardKvHarness h = new ShardKvHarness(test, 3, 3)) {
            h.join(0);
            h.setUnreliable(unreliable);
            Random random = new Random(h.network.seed());
            // Keys in shards 0, 3, 6 and 9: rebalancing moves high shards first, moves pick any.
            List<String> perShard = new ArrayList<>(onePerShard("c", random).keySet());
            List<String> keys = List.of(perShard.get(0), perShard.get(3), perShard.get(6), perShard.get(9));
            HistoryRecorder recorder = new HistoryRecorder();
            CompletableFuture<Void> mover = CompletableFuture.runAsync(() -> {
                // Data must be there to move: the first join (which moves shards 5..9) waits for a few writes.
                Await.until("the clients' first writes", ShardKvHarness.DEADLINE, () -> recorder.history().size() >= 4);
                h.join(1);
                shuffle(h, random);
            });

            int clients = 6;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<Integer>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    KvClient mine = new RecordingKvClient(h.client("c" + client), recorder, client);
                    String key = keys.get(client % keys.size());
                    int i = 0;
                    for (; i < 15 || !mover.isDone(); i++) {
                        mine.append(key, Appends.element(client, i));
                        mine.get(key);
                    }
                    return i;
                }));
            }
            int[] appended = new int[clients];
            try {
                mover.get(ShardKvHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS);
                for (int c = 0; c < clients; c++) {
                    appended[c] = running.get(c).get(ShardKvHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            h.setUnreliable(false);
            long[] migrated = new long[1];
            h.forEachLiveNode(node -> migrated[0] += node.kv().view().installedBytes());
            assertThat(migrated[0]).as("bytes of shard data moved between groups").isPositive();

            CheckResult result = LinearizabilityChecker.check(recorder.history(), Duration.ofSeconds(10));
            assertThat(result.isOk()).as("%s", result).isTrue();
            ShardKvClient reader = h.client("final");
            for (int c = 0; c < clients; c++) {
                Appends.check(reader.get(keys.get(c % keys.size())).orElseThrow(), c, appended[c]);
            }
        }
    }

    private static final int RECONFIGURATIONS = 10;

    /** Random joins, leaves and moves, one every 100 ms, after groups 0 and 1 joined; always one group joined. */
    private static void shuffle(ShardKvHarness h, Random random) {
        TreeSet<Integer> joined = new TreeSet<>(List.of(0, 1));
        for (int change = 0; change < RECONFIGURATIONS; change++) {
            Await.until("a pause between reconfigurations", Duration.ofSeconds(5), elapsed(Duration.ofMillis(100)));
            int group = random.nextInt(h.groups.size());
            int action = random.nextInt(3);
            if (action == 0 && !joined.contains(group)) {
                h.join(group);
                joined.add(group);
            } else if (action == 1 && joined.contains(group) && joined.size() > 1) {
                h.leave(group);
                joined.remove(group);
            } else {
                List<Integer> candidates = new ArrayList<>(joined);
                h.move(random.nextInt(ShardKvHarness.N_SHARDS), candidates.get(random.nextInt(candidates.size())));
            }
        }
    }

    /** One key per shard, each with a random value, in shard order. */
    static Map<String, String> onePerShard(String prefix, Random random) {
        Map<Integer, String> byShard = new TreeMap<>();
        for (int i = 0; byShard.size() < ShardKvHarness.N_SHARDS; i++) {
            byShard.putIfAbsent(ShardKeys.shardOf(prefix + i, ShardKvHarness.N_SHARDS), prefix + i);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        byShard.values().forEach(key -> keys.put(key, Long.toString(random.nextLong(), 36)));
        return keys;
    }

    /** Joins every group but the first, one at a time, checking and appending to every key after each. */
    private static void joinTheOthers(ShardKvHarness h, ShardKvClient ck, Map<String, String> expected, Random random) {
        for (int g = 1; g < h.groups.size(); g++) {
            h.join(g);
            checkAndAppend(ck, expected, random);
        }
    }

    /** Reads every key, checks its value, appends a random suffix and remembers it. */
    private static void checkAndAppend(ShardKvClient ck, Map<String, String> expected, Random random) {
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            assertThat(ck.get(entry.getKey())).as(entry.getKey()).contains(entry.getValue());
            String suffix = Integer.toString(random.nextInt(1000));
            ck.append(entry.getKey(), suffix);
            entry.setValue(entry.getValue() + suffix);
        }
    }

    /** A condition that becomes true once {@code duration} has passed: a bounded, deadline-checked pause. */
    static BooleanSupplier elapsed(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        return () -> System.nanoTime() - until >= 0;
    }
}
