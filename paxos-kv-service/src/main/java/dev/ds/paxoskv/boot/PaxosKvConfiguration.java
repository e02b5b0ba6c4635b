package dev.ds.paxoskv.boot;

import dev.ds.paxos.Paxos;
import dev.ds.paxos.ValueCodec;
import dev.ds.paxos.boot.GroupSettings;
import dev.ds.paxos.boot.PaxosHealth;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxoskv.kv.KvCommand;
import dev.ds.paxoskv.replica.KvReplica;
import dev.ds.rpc.RpcClient;
import dev.ds.rsm.ReplicatedStateMachine;
import dev.ds.rsm.Snapshots;
import dev.ds.rsm.paxos.PaxosLog;
import dev.ds.rsm.boot.PaxosTrafficWake;
import dev.ds.rsm.boot.SnapshotTransferController;
import dev.ds.rsm.runtime.CatchUp;
import dev.ds.rsm.runtime.FileSnapshots;
import dev.ds.rsm.runtime.SnapshotTransfer;
import dev.ds.spring.health.ServingAutoConfiguration;
import dev.ds.spring.openapi.ApiDescription;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The replicated key/value state machine over this node's Paxos peer, and its health and metrics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaxosKvSettings.class)
@Import(SnapshotTransferController.class)
class PaxosKvConfiguration {

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds paxos-kv replica",
                "One replica of the Paxos-replicated key/value store: any replica takes any request and "
                + "orders it through the Paxos log; answers are linearizable, and a replica cut off from a "
                + "majority times out.");
    }

    /**
     * The replica, snapshotting into {@code node.data-dir}/kv when there is a data dir (durable: a
     * restart loads the snapshot and replays the Paxos log after it), or into nothing without one.
     */
    @Bean(destroyMethod = "close")
    KvReplica kvReplica(PaxosPeer peer, PaxosKvSettings settings, GroupSettings group, RpcClient rpc) {
        Paxos<KvCommand> paxos = new Paxos<>(peer, ValueCodec.json(KvCommand.class));
        int me = group.me();
        Snapshots snapshots = group.dataDir() == null ? Snapshots.NONE
                : new FileSnapshots(group.dataDir().resolve("kv").resolve("snapshot.json"));
        // Entry ids must never repeat across restarts: a random incarnation per start.
        return new KvReplica("kv-" + me, new PaxosLog<>(paxos), me + "/" + UUID.randomUUID(),
                settings.opTimeout(), settings.maxQueued(), snapshots, settings.snapshotEvery(),
                CatchUp.fromGroup(rpc, group.peers(), me));
    }

    /** Decisions of the other replicas arrive as Paxos messages: each wakes this replica to apply them at once. */
    @Bean
    PaxosTrafficWake paxosTrafficWake(KvReplica replica) {
        return new PaxosTrafficWake(replica::wake);
    }

    /** Catch-up by snapshot: a peer's replica answers a replica the log has left behind. */
    @Bean
    SnapshotTransfer.Source snapshotSource(KvReplica replica) {
        return replica::snapshot;
    }

    @Bean
    HealthIndicator paxosKvHealthIndicator(KvReplica replica) {
        return () -> {
            ReplicatedStateMachine.Status status = replica.status();
            return Health.up()
                    .withDetail("applied", status.applied())
                    .withDetail("queued", status.queued())
                    .withDetail("behind", status.behind())
                    .withDetail("snapshotBytes", status.snapshotBytes())
                    .withDetail("keys", replica.keys())
                    .build();
        };
    }

    /** Ready when caught up: a replica the log has left behind cannot answer until it catches up. */
    @Bean(name = ServingAutoConfiguration.BEAN)
    HealthIndicator servingHealthIndicator(KvReplica replica, PaxosPeer peer) {
        return () -> PaxosHealth.serving(peer, replica.status().behind());
    }

    @Bean
    MeterBinder paxosKvMetrics(KvReplica replica) {
        return (MeterRegistry registry) -> {
            Gauge.builder("paxoskv.applied", replica, r -> r.status().applied())
                    .description("Highest log instance applied").register(registry);
            Gauge.builder("paxoskv.queued", replica, r -> r.status().queued())
                    .description("Requests waiting for a decision").register(registry);
            Gauge.builder("paxoskv.keys", replica, KvReplica::keys).description("Keys held").register(registry);
            FunctionCounter.builder("paxoskv.duplicates", replica, r -> r.status().duplicates())
                    .description("Client retries answered from the at-most-once table").register(registry);
            Gauge.builder("paxoskv.snapshot.bytes", replica, r -> r.status().snapshotBytes())
                    .description("Size of the latest snapshot").baseUnit("bytes").register(registry);
            FunctionCounter.builder("paxoskv.snapshot.installs", replica, r -> r.status().installs())
                    .description("Snapshots installed from peers to catch up").register(registry);
        };
    }
}
