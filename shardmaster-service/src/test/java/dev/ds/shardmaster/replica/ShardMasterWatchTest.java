package dev.ds.shardmaster.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.shardmaster.Config;
import dev.ds.api.shardmaster.ConfigChange;
import dev.ds.api.shardmaster.ConfigWatch;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watch on three Paxos replicas in memory: it returns on a change, waits out no change, never goes back. */
class ShardMasterWatchTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aWatchReturnsAsSoonAsTheNextConfigurationIsMade() throws Exception {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-watch-change", 3)) {
            h.servers.startAll();
            ShardMasterClient admin = h.client("admin");
            ShardMasterClient watcher = h.client("watcher", 2);
            CompletableFuture<Optional<Config>> watch = CompletableFuture.supplyAsync(() -> watcher.watch(0, WAIT));
            admin.join(1, List.of("a"));
            Optional<Config> next = watch.get(WAIT.toMillis() / 2, TimeUnit.MILLISECONDS);
            assertThat(next).as("returned before its wait ran out, with the Join").isPresent();
            assertThat(next.get().num()).isEqualTo(1);
            assertThat(next.get().groups()).containsOnlyKeys(1L);
        }
    }

    @Test
    void aWatchWithNoChangeAnswersNoChangeWhenItsWaitRunsOut() {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-watch-idle", 3)) {
            h.servers.startAll();
            ShardMasterClient ck = h.client("ck");
            ck.join(1, List.of("a"));
            long before = h.servers.node(0).paxos().peer().max();
            assertThat(ck.watch(1, Duration.ofMillis(300))).isEmpty();
            assertThat(ck.watch(1, Duration.ZERO)).isEmpty();
            assertThat(h.servers.node(0).paxos().peer().max()).as("watches write nothing to the log").isEqualTo(before);
        }
    }

    @Test
    void aWatcherNeverGoesBackwardsAndSeesEveryConfigurationInTurn() {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-watch-order", 3)) {
            h.servers.startAll();
            ShardMasterClient admin = h.client("admin");
            for (long gid = 1; gid <= 4; gid++) {
                admin.join(gid, List.of("g" + gid));
            }
            admin.move(0, 1);
            for (int replica = 0; replica < 3; replica++) {
                ShardMasterClient watcher = h.client("w" + replica, replica);
                long have = 0;
                for (Optional<Config> next = watcher.watch(have, Duration.ZERO); next.isPresent();
                        next = watcher.watch(have, Duration.ZERO)) {
                    assertThat(next.get().num()).as("the configuration after %d at replica %d", have, replica)
                            .isEqualTo(have + 1);
                    assertThat(next.get()).isEqualTo(admin.query(have + 1).orElseThrow());
                    have = next.get().num();
                }
                assertThat(have).as("replica %d's watch reached the latest", replica).isEqualTo(5);
            }
        }
    }

    /**
     * A replica cut off from the majority while a Join completes must not tell a watch that starts
     * after it "no change": its fence finds no majority, so it answers ErrTimeout, and the client
     * moves on to a replica that has the change.
     */
    @Test
    void aChangeCompletedBeforeAWatchIsNeverMissedByACutOffReplica() {
        try (ShardMasterHarness h = new ShardMasterHarness("shardmaster-watch-fence", 3)) {
            h.servers.startAll();
            ShardMasterClient admin = h.client("admin", 0);
            admin.join(1, List.of("a"));
            h.servers.partition(List.of(0, 1), List.of(2));
            admin.join(2, List.of("b"));
            ShardMasterReplica cutOff = h.servers.node(2).master();
            assertThatThrownBy(() -> cutOff.watch(new ConfigWatch(1, 100)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ErrTimeout));
            Optional<Config> seen = h.client("watcher", 2, 0).watch(1, Duration.ofMillis(100));
            assertThat(seen).as("the client moved on to a replica with the Join").isPresent();
            assertThat(seen.get().groups()).containsOnlyKeys(1L, 2L);
            h.servers.heal();
            ConfigChange healed = cutOff.watch(new ConfigWatch(1, WAIT.toMillis()));
            assertThat(healed.config().groups()).as("after healing, the replica learns the Join").containsOnlyKeys(1L, 2L);
        }
    }
}
