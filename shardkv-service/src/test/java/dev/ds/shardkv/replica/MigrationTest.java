package dev.ds.shardkv.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.NoReplyException;
import dev.ds.api.shardkv.ShardKeys;
import dev.ds.client.shardkv.ShardKvClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Migration beyond the 6.824 tests: unaffected shards keep serving, and handed-off data is freed. */
class MigrationTest {

    @Test
    @DisplayName("A shard untouched by a reconfiguration keeps answering while another shard is in flight")
    void untouchedShardKeepsServingWhileAnotherIsInFlight() {
        try (ShardKvHarness h = new ShardKvHarness("shardkv-untouched", 2, 3)) {
            ShardKvClient ck = h.client("ck");
            Map<String, String> expected = oneKeyPerShardOnGroup100(h, ck, 1);
            Config next = joinGroup101CutOffFromGroup100(h);
            h.awaitAll(1, "pulling at configuration " + next.num(),
                    view -> view.config() == next.num() && !view.pulling().isEmpty());

            for (Map.Entry<String, String> entry : expected.entrySet()) {
                int shard = ShardKeys.shardOf(entry.getKey(), ShardKvHarness.N_SHARDS);
                if (next.owner(shard) == ShardKvHarness.gid(0)) {
                    assertThat(ck.get(entry.getKey())).as("untouched %s", entry.getKey()).contains(entry.getValue());
                    ck.append(entry.getKey(), "+");
                    entry.setValue(entry.getValue() + "+");
                } else {
                    assertThatThrownBy(() -> h.client("impatient", Duration.ofMillis(300)).get(entry.getKey()))
                            .as("%s is in flight", entry.getKey()).isInstanceOf(NoReplyException.class);
                }
            }
            h.awaitAll(1, "still pulling", view -> !view.pulling().isEmpty());

            h.network.heal();
            expected.forEach((key, value) -> assertThat(ck.get(key)).as(key).contains(value));
        }
    }

    @Test
    @DisplayName("A handed-off shard is kept frozen until the receiver confirms, then freed on the old owner")
    void handedOffShardIsFreedOnTheOldOwner() {
        try (ShardKvHarness h = new ShardKvHarness("shardkv-freed", 2, 3)) {
            ShardKvClient ck = h.client("ck");
            Map<String, String> expected = oneKeyPerShardOnGroup100(h, ck, 100);
            h.awaitAll(0, "holding every key", view -> view.keys() == expected.size());
            Config next = joinGroup101CutOffFromGroup100(h);
            List<Integer> moved = new ArrayList<>();
            for (int shard = 0; shard < ShardKvHarness.N_SHARDS; shard++) {
                if (next.owner(shard) == ShardKvHarness.gid(1)) {
                    moved.add(shard);
                }
            }
            h.awaitAll(0, "handing off " + moved, view -> view.config() == next.num()
                    && view.handingOff().stream().map(ref -> ref.shard()).toList().equals(moved));
            assertThat(h.groups.get(0).node(0).kv().view().keys())
                    .as("keys group 100 still serves").isEqualTo(expected.size() - moved.size());

            h.network.heal();
            expected.forEach((key, value) -> assertThat(ck.get(key)).as(key).contains(value));
            h.awaitAll(0, "every handed-off shard deleted", view -> view.handingOff().isEmpty());
            h.awaitAll(1, "every moved shard installed", view -> view.serving().equals(moved));
            assertThat(h.groups.get(1).node(0).kv().view().installedBytes()).isPositive();
        }
    }

    /** Group 100 joins alone and gets one key in each shard, with values {@code repeat} times the usual length. */
    private static Map<String, String> oneKeyPerShardOnGroup100(ShardKvHarness h, ShardKvClient ck, int repeat) {
        h.join(0);
        Map<String, String> expected = ShardKvTest.onePerShard("m", new Random(h.network.seed()));
        expected.replaceAll((key, value) -> value.repeat(repeat));
        expected.forEach(ck::put);
        return expected;
    }

    /** Group 101 joins unable to reach group 100, so the shards it gains stay in flight until a heal. */
    private static Config joinGroup101CutOffFromGroup100(ShardKvHarness h) {
        h.network.partition(h.groups.get(0).addresses(), h.groups.get(1).addresses());
        h.join(1);
        return h.latestConfig();
    }
}
