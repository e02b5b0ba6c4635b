package dev.ds.shardmaster.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.testkit.cluster.Await;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shardmaster tests of 6.824 lab 4A, on the in-memory network with three Paxos replicas. */
class ShardMasterTest {

    private static final int N_SERVERS = 3;
    private static final int N_PARA = 10;

    /**
     * The lab's check: exactly the expected groups, every shard owned by one of them (or all
     * unassigned when there is none), and shard counts differing by at most one.
     */
    private static void check(Config config, Set<Long> groups) {
        assertThat(config.groups().keySet()).as("groups of configuration %d", config.num()).isEqualTo(groups);
        assertThat(config.nShards()).isEqualTo(ShardMasterHarness.N_SHARDS);
        if (groups.isEmpty()) {
            assertThat(config.shards()).as("shards with no group").containsOnly(0L);
            return;
        }
        assertThat(groups).as("owners of configuration %d", config.num()).containsAll(config.shards());
        Map<Long, Integer> counts = new HashMap<>();
        groups.forEach(gid -> counts.put(gid, 0));
        config.shards().forEach(gid -> counts.merge(gid, 1, Integer::sum));
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(max - min).as("imbalance of configuration %d: %s", config.num(), counts).isLessThanOrEqualTo(1);
    }

    private static List<String> servers(long gid) {
        return List.of("g" + gid + "-a", "g" + gid + "-b", "g" + gid + "-c");
    }

    private static Set<Long> gids(long... gids) {
        return LongStream.of(gids).boxed().collect(Collectors.toSet());
    }

    @Test
    @DisplayName("Test: Basic leave/join, then Historical queries")
    void basicLeaveJoinAndHistoricalQueries() {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-basic", N_SERVERS)) {
            h.servers.startAll();
            ShardMasterClient ck = h.client("ck");
            List<Config> seen = new ArrayList<>();
            seen.add(ck.latest());
            check(seen.get(0), Set.of());

            ck.join(1, servers(1));
            check(ck.latest(), gids(1));
            seen.add(ck.latest());
            ck.join(2, servers(2));
            check(ck.latest(), gids(1, 2));
            seen.add(ck.latest());
            ck.join(2, servers(2));
            assertThat(ck.latest()).as("a second join of gid 2 changes nothing").isEqualTo(seen.get(2));
            ck.leave(1);
            check(ck.latest(), gids(2));
            seen.add(ck.latest());
            ck.leave(1);
            assertThat(ck.latest()).as("a second leave of gid 1 changes nothing").isEqualTo(seen.get(3));

            // Historical queries: every replica answers every past configuration, even with one replica gone.
            for (int killed = -1; killed < 1; killed++) {
                if (killed >= 0) {
                    h.servers.kill(killed);
                }
                for (int i = killed + 1; i < N_SERVERS; i++) {
                    ShardMasterClient one = h.client("historian" + i + "-" + killed, i);
                    for (Config past : seen) {
                        assertThat(one.query(past.num())).as("configuration %d at replica %d", past.num(), i)
                                .contains(past);
                    }
                }
            }
            assertThat(ck.query(seen.get(seen.size() - 1).num() + 1)).as("a configuration not made yet").isEmpty();
        }
    }

    @Test
    @DisplayName("Test: Move")
    void move() {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-move", N_SERVERS)) {
            h.servers.startAll();
            ShardMasterClient ck = h.client("ck");
            ck.join(503, servers(503));
            ck.join(504, servers(504));
            Config previous = ck.latest();
            check(previous, gids(503, 504));
            // Every shard goes to each group in turn; no rebalancing happens between moves.
            List<Config> made = new ArrayList<>();
            List<Long> expected = new ArrayList<>(previous.shards());
            for (int shard = 0; shard < previous.nShards(); shard++) {
                for (long gid : new long[] {503, 504}) {
                    boolean changes = expected.get(shard) != gid;
                    ck.move(shard, gid);
                    expected.set(shard, gid);
                    Config after = ck.latest();
                    assertThat(after.num()).as("number after moving shard %d to %d", shard, gid)
                            .isBetween(previous.num() + (changes ? 1 : 0), previous.num() + 1);
                    assertThat(after.shards()).as("shards after moving shard %d to %d", shard, gid)
                            .isEqualTo(expected);
                    assertThat(after.groups()).isEqualTo(previous.groups());
                    made.add(after);
                    previous = after;
                }
            }
            for (int i = 0; i < N_SERVERS; i++) {
                ShardMasterClient reader = h.client("reader" + i, i);
                for (Config past : made) {
                    assertThat(reader.query(past.num())).as("configuration %d at replica %d", past.num(), i)
                            .contains(past);
                }
            }
            assertThat(previous.shards()).as("every shard moved to 504 last").containsOnly(504L);

            // The next Join and Leave rebalance away from the moves, moving only what must move.
            ck.join(505, servers(505));
            Config joined = ck.latest();
            check(joined, gids(503, 504, 505));
            // 504 held every shard, so it keeps the largest quota, ceil(n / 3), and only the rest move.
            int n = joined.nShards();
            long moved = IntStream.range(0, n).filter(shard -> joined.owner(shard) != 504).count();
            assertThat(moved).as("shards moved by the join: %s", joined.shards()).isEqualTo(n - (n + 2) / 3);
            ck.leave(504);
            Config left = ck.latest();
            check(left, gids(503, 505));
            for (int shard = 0; shard < left.nShards(); shard++) {
                if (joined.owner(shard) != 504) {
                    assertThat(left.owner(shard)).as("shard %d of a remaining group after the leave", shard)
                            .isEqualTo(joined.owner(shard));
                }
            }

            assertThatThrownBy(() -> ck.move(0, 504)).as("a move to a group that left")
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ErrBadRequest));
            assertThatThrownBy(() -> ck.move(left.nShards(), 503)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.detail()).startsWith("shard:"));
            assertThat(ck.latest()).as("refused moves change nothing").isEqualTo(left);
        }
    }

    @Test
    @DisplayName("Test: Concurrent leave/join")
    void concurrentLeaveJoin() throws Exception {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-concurrent", N_SERVERS)) {
            h.servers.startAll();
            paraJoinsAndLeaves(h, "para");
            check(h.client("ck").latest(), LongStream.range(0, N_PARA).map(i -> 100 + i).boxed()
                    .collect(Collectors.toSet()));
        }
    }

    /** N_PARA clients at once, each through its own replica: join two groups, leave one of them. */
    private static void paraJoinsAndLeaves(ShardMasterHarness h, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(N_PARA);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < N_PARA; i++) {
            long gid = 100 + i;
            ShardMasterClient mine = h.client(prefix + i, i % N_SERVERS);
            done.add(pool.submit(() -> {
                mine.join(gid + 1000, servers(gid + 1000));
                mine.join(gid, servers(gid));
                mine.leave(gid + 1000);
            }));
        }
        for (Future<?> f : done) {
            f.get(ShardMasterHarness.DEADLINE.toSeconds() * 2, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
    }

    @Test
    @DisplayName("Test: Min advances after joins")
    void minAdvancesAfterJoins() {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-min", N_SERVERS)) {
            h.servers.startAll();
            ShardMasterClient ck = h.client("ck");
            for (long gid = 1; gid <= 5; gid++) {
                ck.join(gid, servers(gid));
            }
            for (int i = 0; i < N_SERVERS; i++) {
                int replica = i;
                ShardMasterClient reader = h.client("reader" + i, replica);
                // Done values travel on Paxos messages; each query is one more round that carries them.
                Await.until("Paxos min advances at replica " + i, ShardMasterHarness.DEADLINE, () -> {
                    reader.latest();
                    return h.servers.node(replica).paxos().peer().peerStatus().min() > 0;
                });
            }
        }
    }

    @Test
    @DisplayName("Test: Minimal transfers after joins, then Minimal transfers after leaves")
    void minimalTransfers() throws Exception {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-minimal", N_SERVERS)) {
            h.servers.startAll();
            ShardMasterClient ck = h.client("ck");
            paraJoinsAndLeaves(h, "para");
            Config before = ck.latest();
            for (long gid = 1; gid <= 5; gid++) {
                ck.join(gid, servers(gid));
            }
            Config afterJoins = ck.latest();
            for (int shard = 0; shard < before.nShards(); shard++) {
                long owner = afterJoins.owner(shard);
                if (before.groups().containsKey(owner)) {
                    assertThat(owner).as("shard %d moved between old groups after joins", shard)
                            .isEqualTo(before.owner(shard));
                }
            }
            for (long gid = 1; gid <= 5; gid++) {
                ck.leave(gid);
            }
            Config afterLeaves = ck.latest();
            for (int shard = 0; shard < before.nShards(); shard++) {
                long owner = afterJoins.owner(shard);
                if (afterLeaves.groups().containsKey(owner)) {
                    assertThat(afterLeaves.owner(shard)).as("shard %d left a remaining group after leaves", shard)
                            .isEqualTo(owner);
                }
            }
        }
    }

    @Test
    @DisplayName("Test: Fresh query through another replica sees every completed change")
    void freshQuery() {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-fresh", N_SERVERS)) {
            h.servers.startAll();
            ShardMasterClient writer = h.client("writer", 0);
            for (long gid = 1; gid <= 3; gid++) {
                writer.join(gid, servers(gid));
                for (int i = 1; i < N_SERVERS; i++) {
                    assertThat(h.client("fresh" + gid + "-" + i, i).latest().groups()).as("replica %d", i)
                            .containsKey(gid);
                }
            }
        }
    }

    @Test
    @DisplayName("Test: Concurrent leave/join through an unreliable network")
    void unreliable() throws Exception {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-unreliable", N_SERVERS)) {
            h.servers.startAll();
            h.servers.setUnreliable(true);
            paraJoinsAndLeaves(h, "unreliable");
            h.servers.setUnreliable(false);
            check(h.client("ck").latest(), LongStream.range(0, N_PARA).map(i -> 100 + i).boxed()
                    .collect(Collectors.toSet()));
        }
    }
}
