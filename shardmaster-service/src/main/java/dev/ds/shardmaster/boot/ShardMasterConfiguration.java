package dev.ds.shardmaster.boot;

import dev.ds.api.shardmaster.Config;
import dev.ds.paxos.Paxos;
import dev.ds.paxos.ValueCodec;
import dev.ds.paxos.boot.GroupSettings;
import dev.ds.paxos.boot.PaxosHealth;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.rpc.RpcClient;
import dev.ds.rsm.ReplicatedStateMachine;
import dev.ds.rsm.Snapshots;
import dev.ds.rsm.boot.HorizonController;
import dev.ds.rsm.boot.PaxosTrafficWake;
import dev.ds.rsm.boot.SnapshotTransferController;
import dev.ds.rsm.paxos.PaxosLog;
import dev.ds.rsm.runtime.CatchUp;
import dev.ds.rsm.runtime.FileSnapshots;
import dev.ds.rsm.runtime.Horizon;
import dev.ds.rsm.runtime.SnapshotTransfer;
import dev.ds.shardmaster.master.MasterCommand;
import dev.ds.shardmaster.replica.ShardMasterReplica;
import dev.ds.spring.health.ServingAutoConfiguration;
import dev.ds.spring.openapi.ApiDescription;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.IntSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The replicated shard master over this node's Paxos peer, its REST API, health and metrics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardMasterSettings.class)
@Import({ShardMasterController.class, SnapshotTransferController.class, HorizonController.class})
class ShardMasterConfiguration {

    /** Configurations change rarely: a snapshot every few changes keeps the log short and restarts quick. */
    private static final int SNAPSHOT_EVERY = 16;

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds shard master replica",
                "One replica of the shard master: numbered configurations that assign each shard to a "
                + "replica group, changed by Join, Leave and Move through Paxos and read linearizably.");
    }

    /**
     * The replica, keeping every configuration durably in {@code node.data-dir}/shardmaster when there
     * is a data dir (a restart loads the snapshot and replays the Paxos log after it).
     */
    @Bean(destroyMethod = "close")
    ShardMasterReplica shardMasterReplica(PaxosPeer peer, ShardMasterSettings settings, GroupSettings group,
            RpcClient rpc) {
        Paxos<MasterCommand> paxos = new Paxos<>(peer, ValueCodec.json(MasterCommand.class));
        int me = group.me();
        Snapshots snapshots = group.dataDir() == null ? Snapshots.NONE
                : new FileSnapshots(group.dataDir().resolve("shardmaster").resolve("snapshot.json"));
        // Entry ids must never repeat across restarts: a random incarnation per start.
        return new ShardMasterReplica("shardmaster-" + me, new PaxosLog<>(paxos), me + "/" + UUID.randomUUID(),
                settings.shards(), settings.opTimeout(), settings.maxQueued(), snapshots, SNAPSHOT_EVERY,
                CatchUp.fromGroup(rpc, group.peers(), me), Horizon.fromGroup(rpc, group.peers(), me));
    }

    /** The read fence of watches: this replica tells a peer how far its log has gone. */
    @Bean
    Horizon.Source horizonSource(ShardMasterReplica replica) {
        return replica::heard;
    }

    /** Decisions of the other replicas arrive as Paxos messages: each wakes this replica to apply them at once. */
    @Bean
    PaxosTrafficWake paxosTrafficWake(ShardMasterReplica replica) {
        return new PaxosTrafficWake(replica::wake);
    }

    /** Catch-up by snapshot: this replica answers a peer the log has left behind. */
    @Bean
    SnapshotTransfer.Source snapshotSource(ShardMasterReplica replica) {
        return replica::snapshot;
    }

    @Bean
    HealthIndicator shardMasterHealthIndicator(ShardMasterReplica replica) {
        return () -> {
            ReplicatedStateMachine.Status status = replica.status();
            Config latest = replica.latestApplied();
            return Health.up()
                    .withDetail("applied", status.applied())
                    .withDetail("queued", status.queued())
                    .withDetail("behind", status.behind())
                    .withDetail("config", latest.num())
                    .withDetail("groups", latest.groups().keySet())
                    .withDetail("shardsPerGroup", shardsPerGroup(latest))
                    .build();
        };
    }

    /** Shards held by each group, gid 0 standing for the unassigned ones. */
    static Map<Long, Integer> shardsPerGroup(Config config) {
        Map<Long, Integer> counts = new TreeMap<>();
        config.groups().keySet().forEach(gid -> counts.put(gid, 0));
        config.shards().forEach(gid -> counts.merge(gid, 1, Integer::sum));
        return counts;
    }

    /**
     * Ready when this replica can take part in a majority and has caught up: a replica the log has
     * left behind cannot answer until it catches up.
     */
    @Bean(name = ServingAutoConfiguration.BEAN)
    HealthIndicator servingHealthIndicator(ShardMasterReplica replica, PaxosPeer peer) {
        return () -> PaxosHealth.serving(peer, replica.status().behind());
    }

    @Bean
    MeterBinder shardMasterMetrics(ShardMasterReplica replica) {
        return (MeterRegistry registry) -> {
            Gauge.builder("shardmaster.config", replica, r -> r.latestApplied().num())
                    .description("Number of the latest configuration applied").register(registry);
            Gauge.builder("shardmaster.groups", replica, r -> r.latestApplied().groups().size())
                    .description("Replica groups in the latest configuration").register(registry);
            Gauge.builder("shardmaster.shards.max.per.group", replica, r -> maxShardsPerGroup(r.latestApplied()))
                    .description("Most shards any group holds: balance shows as max - min <= 1").register(registry);
            Gauge.builder("shardmaster.shards.min.per.group", replica, r -> minShardsPerGroup(r.latestApplied()))
                    .description("Fewest shards any group holds").register(registry);
            Gauge.builder("shardmaster.applied", replica, r -> r.status().applied())
                    .description("Highest log instance applied").register(registry);
            Gauge.builder("shardmaster.queued", replica, r -> r.status().queued())
                    .description("Requests waiting for a decision").register(registry);
        };
    }

    /** Shards per joined group in {@code config}; empty when no group has joined. */
    private static IntSummaryStatistics groupLoad(Config config) {
        return shardsPerGroup(config).entrySet().stream().filter(e -> e.getKey() != 0)
                .mapToInt(Map.Entry::getValue).summaryStatistics();
    }

    private static int maxShardsPerGroup(Config config) {
        IntSummaryStatistics load = groupLoad(config);
        return load.getCount() == 0 ? 0 : load.getMax();
    }

    private static int minShardsPerGroup(Config config) {
        IntSummaryStatistics load = groupLoad(config);
        return load.getCount() == 0 ? 0 : load.getMin();
    }
}
