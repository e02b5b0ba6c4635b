package dev.ds.shardkv.boot;

import dev.ds.client.Retry;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.paxos.Paxos;
import dev.ds.paxos.ValueCodec;
import dev.ds.paxos.boot.GroupSettings;
import dev.ds.paxos.boot.PaxosHealth;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.rpc.RpcClient;
import dev.ds.rsm.ReplicatedStateMachine;
import dev.ds.rsm.Snapshots;
import dev.ds.rsm.paxos.PaxosLog;
import dev.ds.rsm.boot.PaxosTrafficWake;
import dev.ds.rsm.boot.SnapshotTransferController;
import dev.ds.rsm.runtime.CatchUp;
import dev.ds.rsm.runtime.FileSnapshots;
import dev.ds.rsm.runtime.SnapshotTransfer;
import dev.ds.shardkv.group.GroupState;
import dev.ds.shardkv.group.ShardKvCommand;
import dev.ds.shardkv.replica.Migrator;
import dev.ds.shardkv.replica.ShardKvReplica;
import dev.ds.spring.boot.InvalidSettingException;
import dev.ds.spring.health.ServingAutoConfiguration;
import dev.ds.spring.openapi.ApiDescription;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** A shardkv replica over this node's Paxos peer, its migrator, internal API, health and metrics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardKvSettings.class)
@Import({ShardKvController.class, SnapshotTransferController.class})
class ShardKvConfiguration {

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds shardkv replica",
                "One replica of a group of the sharded key/value store: any node takes any key and "
                + "forwards it to the group that owns the key's shard; shards move between groups with "
                + "their data as configurations change.");
    }

    /**
     * The replica, snapshotting into {@code node.data-dir}/shardkv when there is a data dir (durable:
     * a restart loads the snapshot and replays the Paxos log after it); a replica the log has left
     * behind installs a snapshot from another replica of its group.
     */
    @Bean(destroyMethod = "close")
    ShardKvReplica shardKvReplica(ObjectProvider<PaxosPeer> peers, ObjectProvider<GroupSettings> groups,
            ShardKvSettings settings, RpcClient rpc) {
        PaxosPeer peer = peers.getIfAvailable();
        GroupSettings group = groups.getIfAvailable();
        if (peer == null || group == null) {
            throw new InvalidSettingException("node.peers", null,
                    "required: every replica of this group's base URL, comma-separated");
        }
        Paxos<ShardKvCommand> paxos = new Paxos<>(peer, ValueCodec.json(ShardKvCommand.class));
        Snapshots snapshots = group.dataDir() == null ? Snapshots.NONE
                : new FileSnapshots(group.dataDir().resolve("shardkv").resolve("snapshot.json"));
        String name = "shardkv-" + settings.gid() + "-" + group.me();
        // Entry ids must never repeat across restarts: a random incarnation per start.
        return new ShardKvReplica(name, settings.gid(), settings.shards(), new PaxosLog<>(paxos),
                group.me() + "/" + UUID.randomUUID(), rpc, settings.opTimeout(), settings.maxQueued(), snapshots,
                settings.snapshotEvery(), CatchUp.fromGroup(rpc, group.peers(), group.me()));
    }

    /** Decisions of the other replicas arrive as Paxos messages: each wakes this replica to apply them at once. */
    @Bean
    PaxosTrafficWake paxosTrafficWake(ShardKvReplica replica) {
        return new PaxosTrafficWake(replica::wake);
    }

    /** Catch-up by snapshot: this replica answers a replica of its group that the log has left behind. */
    @Bean
    SnapshotTransfer.Source snapshotSource(ShardKvReplica replica) {
        return replica::snapshot;
    }

    /** The migrator, watching the shard master (each watch waits up to {@code shardkv.watch-wait}). */
    @Bean(destroyMethod = "close")
    Migrator shardKvMigrator(ShardKvReplica replica, GroupSettings group, ShardKvSettings settings, RpcClient rpc) {
        ShardMasterClient master = new ShardMasterClient(rpc, settings.shardmasters(), new Retry(settings.opTimeout()),
                "shardkv-" + settings.gid() + "-" + UUID.randomUUID());
        return new Migrator("shardkv-" + settings.gid(), replica, master, rpc, settings.pollInterval(),
                settings.watchWait(), group.me());
    }

    @Bean
    HealthIndicator shardKvHealthIndicator(ShardKvReplica replica) {
        return () -> {
            ReplicatedStateMachine.Status status = replica.status();
            GroupState.GroupView view = replica.view();
            return Health.up()
                    .withDetail("gid", view.gid())
                    .withDetail("config", view.config())
                    .withDetail("serving", view.serving())
                    .withDetail("pulling", view.pulling())
                    .withDetail("handingOff", view.handingOff().stream().map(Object::toString).toList())
                    .withDetail("keys", view.keys())
                    .withDetail("migrationBytesIn", view.installedBytes())
                    .withDetail("migrationBytesOut", replica.pulledBytes())
                    .withDetail("applied", status.applied())
                    .withDetail("queued", status.queued())
                    .withDetail("behind", status.behind())
                    .withDetail("snapshotBytes", status.snapshotBytes())
                    .build();
        };
    }

    /**
     * Ready when caught up with the log and holding a configuration that includes this group; a
     * shard still arriving answers {@code ErrNotReady} by itself and does not make the node unready.
     */
    @Bean(name = ServingAutoConfiguration.BEAN)
    HealthIndicator servingHealthIndicator(ShardKvReplica replica, PaxosPeer peer) {
        return () -> {
            Health paxos = PaxosHealth.serving(peer, replica.status().behind());
            return replica.joined() || !Status.UP.equals(paxos.getStatus()) ? paxos : Health.outOfService()
                    .withDetail("reason", "this group is not in the latest configuration").build();
        };
    }

    @Bean
    MeterBinder shardKvMetrics(ShardKvReplica replica) {
        return (MeterRegistry registry) -> {
            Gauge.builder("shardkv.config", replica, r -> r.view().config())
                    .description("Number of the configuration applied").register(registry);
            Gauge.builder("shardkv.shards", replica, r -> r.view().serving().size()).tag("state", "serving")
                    .description("Shards by state").register(registry);
            Gauge.builder("shardkv.shards", replica, r -> r.view().pulling().size()).tag("state", "pulling")
                    .description("Shards by state").register(registry);
            Gauge.builder("shardkv.shards", replica, r -> r.view().handingOff().size()).tag("state", "handing_off")
                    .description("Shards by state").register(registry);
            FunctionCounter.builder("shardkv.migration.bytes", replica, r -> r.view().installedBytes())
                    .tag("direction", "in").description("Characters of shard data installed from other groups")
                    .register(registry);
            FunctionCounter.builder("shardkv.migration.bytes", replica, r -> r.pulledBytes())
                    .tag("direction", "out").description("Characters of shard data given to other groups' pulls")
                    .register(registry);
            Gauge.builder("shardkv.applied", replica, r -> r.status().applied())
                    .description("Highest log instance applied").register(registry);
            FunctionCounter.builder("shardkv.snapshot.installs", replica, r -> r.status().installs())
                    .description("Snapshots installed from peers to catch up").register(registry);
        };
    }
}
