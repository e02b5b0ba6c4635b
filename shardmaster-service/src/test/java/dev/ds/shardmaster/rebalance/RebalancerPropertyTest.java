package dev.ds.shardmaster.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.shardmaster.Config;
import dev.ds.testkit.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Properties of the rebalancer over random Join/Leave/Move sequences: balance, minimal movement
 * (checked against an independent lower bound, and as 6.824 checks it: after a Join shards only
 * move to the new group, after a Leave only away from the leaving one), determinism, and Move
 * holding until the next Join or Leave.
 */
class RebalancerPropertyTest {

    private static final int SEQUENCES = 300;
    private static final int STEPS = 40;

    @Test
    void randomSequencesKeepEveryProperty() {
        long seed = Seeds.seed("RebalancerPropertyTest");
        Random random = new Random(seed);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            int nShards = 1 + random.nextInt(16);
            Config config = Config.initial(nShards);
            Config replica = Config.initial(nShards);
            for (int step = 0; step < STEPS; step++) {
                String op = randomOp(random, config);
                Config next = apply(config, op);
                assertThat(apply(replica, op)).as("same result on every replica (%s)", op).isEqualTo(next);
                checkStep(config, next, op);
                config = next;
                replica = next;
            }
        }
    }

    private static String randomOp(Random random, Config config) {
        int choice = random.nextInt(10);
        long gid = 1 + random.nextInt(12);
        if (choice < 5) {
            return "join " + gid;
        }
        if (choice < 8) {
            return "leave " + gid;
        }
        if (config.groups().isEmpty()) {
            return "join " + gid;
        }
        List<Long> joined = new ArrayList<>(config.groups().keySet());
        return "move " + random.nextInt(config.nShards()) + " " + joined.get(random.nextInt(joined.size()));
    }

    private static Config apply(Config config, String op) {
        String[] parts = op.split(" ");
        return switch (parts[0]) {
            case "join" -> Rebalancer.join(config, Long.parseLong(parts[1]), List.of("http://g" + parts[1] + ":1"));
            case "leave" -> Rebalancer.leave(config, Long.parseLong(parts[1]));
            default -> Rebalancer.move(config, Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        };
    }

    private static void checkStep(Config before, Config after, String op) {
        boolean unchanged = after == before;
        if (op.startsWith("join") && before.groups().containsKey(Long.parseLong(op.split(" ")[1]))
                || op.startsWith("leave") && !before.groups().containsKey(Long.parseLong(op.split(" ")[1]))) {
            assertThat(unchanged).as("%s changes nothing", op).isTrue();
            return;
        }
        assertThat(after.num()).as("configuration numbers move up by one").isEqualTo(before.num() + 1);
        if (op.startsWith("move")) {
            String[] parts = op.split(" ");
            assertThat(after.owner(Integer.parseInt(parts[1]))).isEqualTo(Long.parseLong(parts[2]));
            return;
        }
        assertBalanced(after, op);
        assertThat(moved(before, after)).as("shards moved by %s from %s", op, before.shards())
                .isEqualTo(minimumMoves(before, after.groups().keySet()));
        long gid = Long.parseLong(op.split(" ")[1]);
        if (!isBalanced(before)) {
            return;
        }
        // From a balanced configuration (no Move since the last Join or Leave), as in the 6.824 tests:
        for (int shard = 0; shard < before.nShards(); shard++) {
            long from = before.owner(shard);
            long to = after.owner(shard);
            if (from != to && op.startsWith("join") && before.groups().containsKey(from)) {
                assertThat(to).as("after a join, shards move only to the new group").isEqualTo(gid);
            }
            if (from != to && op.startsWith("leave")) {
                assertThat(!after.groups().containsKey(from) || from == 0)
                        .as("after a leave, shards move only away from groups that are gone (%s -> %s)", from, to)
                        .isTrue();
            }
        }
    }

    private static boolean isBalanced(Config config) {
        if (config.groups().isEmpty()) {
            return true;
        }
        Map<Long, Integer> counts = new HashMap<>();
        config.groups().keySet().forEach(gid -> counts.put(gid, 0));
        for (long gid : config.shards()) {
            if (!config.groups().containsKey(gid)) {
                return false;
            }
            counts.merge(gid, 1, Integer::sum);
        }
        return Collections.max(counts.values()) - Collections.min(counts.values()) <= 1;
    }

    private static void assertBalanced(Config config, String op) {
        if (config.groups().isEmpty()) {
            assertThat(config.shards()).as("no groups: every shard unassigned").containsOnly(0L);
            return;
        }
        Map<Long, Integer> counts = new HashMap<>();
        config.groups().keySet().forEach(gid -> counts.put(gid, 0));
        for (long gid : config.shards()) {
            assertThat(config.groups()).as("every shard belongs to a present group after %s", op).containsKey(gid);
            counts.merge(gid, 1, Integer::sum);
        }
        assertThat(Collections.max(counts.values()) - Collections.min(counts.values()))
                .as("shard counts per group after %s: %s", op, counts).isLessThanOrEqualTo(1);
    }

    private static int moved(Config before, Config after) {
        int moved = 0;
        for (int shard = 0; shard < before.nShards(); shard++) {
            if (before.owner(shard) != after.owner(shard)) {
                moved++;
            }
        }
        return moved;
    }

    /**
     * A lower bound on moves to reach any balanced assignment: every shard of an absent group moves,
     * and each present group gives up what it holds beyond the quota it can best be given.
     */
    private static int minimumMoves(Config before, Set<Long> groups) {
        int n = before.nShards();
        int k = groups.size();
        List<Integer> holdings = new ArrayList<>();
        int orphans = 0;
        Map<Long, Integer> counts = new HashMap<>();
        for (long gid : before.shards()) {
            if (groups.contains(gid)) {
                counts.merge(gid, 1, Integer::sum);
            } else {
                orphans++;
            }
        }
        for (long gid : new TreeSet<>(groups)) {
            holdings.add(counts.getOrDefault(gid, 0));
        }
        holdings.sort(Collections.reverseOrder());
        int excess = 0;
        for (int i = 0; i < k; i++) {
            int quota = n / k + (i < n % k ? 1 : 0);
            excess += Math.max(0, holdings.get(i) - quota);
        }
        return orphans + excess;
    }

    @Test
    void moveHoldsUntilTheNextJoinOrLeave() {
        Config config = Rebalancer.join(Config.initial(10), 1, List.of("a"));
        config = Rebalancer.join(config, 2, List.of("b"));
        int shard = config.shards().indexOf(1L);
        config = Rebalancer.move(config, shard, 2);
        config = Rebalancer.move(config, 9, 2);
        assertThat(config.owner(shard)).isEqualTo(2L);
        Config rebalanced = Rebalancer.join(config, 3, List.of("c"));
        assertBalanced(rebalanced, "join 3");
    }

    @Test
    void badOperationsAreRefusedWithTheirReason() {
        Config config = Rebalancer.join(Config.initial(10), 1, List.of("a"));
        assertThatThrownBy(() -> Rebalancer.join(config, 0, List.of("a"))).hasMessageStartingWith("gid: must be positive");
        assertThatThrownBy(() -> Rebalancer.join(config, 2, List.of())).hasMessageStartingWith("servers:");
        assertThatThrownBy(() -> Rebalancer.move(config, 10, 1)).hasMessageStartingWith("shard: must be in 0..9");
        assertThatThrownBy(() -> Rebalancer.move(config, 3, 7)).hasMessageStartingWith("gid: 7 has not joined");
        assertThatThrownBy(() -> Rebalancer.leave(config, -1)).hasMessageStartingWith("gid: must be positive");
    }

    @Test
    void theFirstJoinTakesEveryShardAndTheLastLeaveFreesThem() {
        Config one = Rebalancer.join(Config.initial(10), 7, List.of("a"));
        assertThat(one.shards()).containsOnly(7L);
        assertThat(Rebalancer.leave(one, 7).shards()).containsOnly(0L);
    }
}
