package dev.ds.shardkv.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An idle sharded store costs the logs nothing: the groups watch the shard master instead of
 * querying it through its log, and neither log moves until a configuration really changes.
 */
class IdleTest {

    @Test
    void noLogAdvancesWhileTheGroupsAreIdleAndAChangeStillArrives() {
        try (ShardKvHarness h = new ShardKvHarness("shardkv-idle", 2, 3)) {
            h.join(0);
            h.join(1);
            long joined = h.latestConfig().num();
            // Settled: the shards are installed and the copies handed off are deleted (the Drops are log entries too).
            for (int group = 0; group < 2; group++) {
                h.awaitAll(group, "settled on configuration " + joined, view -> view.config() == joined
                        && view.pulling().isEmpty() && view.handingOff().isEmpty());
            }
            LongSupplier masterLog = () -> IntStream.range(0, 3).mapToLong(i -> h.masters.node(i).paxos().peer().max())
                    .max().orElseThrow();
            LongSupplier groupLogs = () -> h.groups.stream().flatMap(g -> IntStream.range(0, 3).mapToObj(g::node))
                    .mapToLong(node -> node.paxos().peer().max()).sum();
            long master = masterLog.getAsLong();
            long groups = groupLogs.getAsLong();
            // Several watch waits long, so every migrator has asked again a few times meanwhile.
            await().during(ShardKvHarness.WATCH_WAIT.multipliedBy(6)).atMost(Duration.ofSeconds(10))
                    .until(() -> masterLog.getAsLong() == master && groupLogs.getAsLong() == groups);

            h.move(0, h.latestConfig().owner(0) == ShardKvHarness.gid(0) ? 1 : 0);
            h.awaitAll(0, "on the moved configuration", view -> view.config() == joined + 1);
            h.awaitAll(1, "on the moved configuration", view -> view.config() == joined + 1);
            assertThat(masterLog.getAsLong()).as("the Move and, at most, the admin's query").isLessThanOrEqualTo(master + 2);
        }
    }
}
