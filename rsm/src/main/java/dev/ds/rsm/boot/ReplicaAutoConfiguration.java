package dev.ds.rsm.boot;

import dev.ds.paxos.boot.GroupSettings;
import dev.ds.paxos.boot.PaxosAutoConfiguration;
import dev.ds.paxos.boot.PaxosHealth;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.rpc.RpcClient;
import dev.ds.rsm.ReplicatedStateMachine;
import dev.ds.rsm.runtime.Horizon;
import dev.ds.rsm.runtime.Replica;
import dev.ds.rsm.runtime.Replicated;
import dev.ds.rsm.runtime.SnapshotTransfer;
import dev.ds.spring.health.ServingAutoConfiguration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The replica stack of every service on the Paxos log, wired once. A service declares its
 * {@link ReplicaProperties} and builds its replica (a {@link Replicated} bean) from the
 * {@link ReplicaAssembly} this provides; the stack adds what every such service has: the wake-up on
 * Paxos traffic, the giving side of catch-up, the answering side of the read fence, readiness
 * (a majority reachable and caught up with the log) and the log's metrics under the service's
 * prefix ({@code <prefix>.applied}, {@code .queued}, {@code .duplicates}, {@code .snapshot.bytes},
 * {@code .snapshot.installs}). The read fence's HTTP endpoint is served only by a service that
 * imports {@link HorizonController}.
 */
@AutoConfiguration(after = PaxosAutoConfiguration.class, before = ServingAutoConfiguration.class)
@ConditionalOnBean(ReplicaProperties.class)
public class ReplicaAutoConfiguration {

    @Bean
    @ConditionalOnBean(PaxosPeer.class)
    ReplicaAssembly replicaAssembly(PaxosPeer peer, GroupSettings group, RpcClient rpc, ReplicaProperties properties) {
        return new ReplicaAssembly(peer, group, rpc, properties);
    }

    /** What the stack serves and reports once the service's replica exists. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(Replicated.class)
    @Import(SnapshotTransferController.class)
    static class Stack {

        /** Decisions of the other replicas arrive as Paxos messages: each wakes this replica to apply them at once. */
        @Bean
        PaxosTrafficWake paxosTrafficWake(Replicated service) {
            Replica<?, ?> replica = service.replica();
            return new PaxosTrafficWake(replica::wake);
        }

        /** Catch-up by snapshot: this replica answers a replica of its group that the log has left behind. */
        @Bean
        SnapshotTransfer.Source snapshotSource(Replicated service) {
            return service.replica()::snapshot;
        }

        /** The read fence: this replica tells a peer how far its log has gone. */
        @Bean
        Horizon.Source horizonSource(Replicated service) {
            return service.replica()::heard;
        }

        /** Ready when this replica can take part in a majority and has caught up with the log. */
        @Bean(name = ServingAutoConfiguration.BEAN)
        @ConditionalOnMissingBean(name = ServingAutoConfiguration.BEAN)
        HealthIndicator servingHealthIndicator(Replicated service, PaxosPeer peer) {
            return () -> PaxosHealth.serving(peer, service.replica().status().behind());
        }

        @Bean
        MeterBinder replicaMetrics(Replicated service, ReplicaProperties properties) {
            String prefix = properties.prefix();
            Replica<?, ?> replica = service.replica();
            return (MeterRegistry registry) -> {
                Gauge.builder(prefix + ".applied", replica, r -> r.status().applied())
                        .description("Highest log instance applied").register(registry);
                Gauge.builder(prefix + ".queued", replica, r -> r.status().queued())
                        .description("Requests waiting for a decision").register(registry);
                FunctionCounter.builder(prefix + ".duplicates", replica, r -> r.status().duplicates())
                        .description("Client retries answered from the at-most-once table").register(registry);
                Gauge.builder(prefix + ".snapshot.bytes", replica, r -> r.status().snapshotBytes())
                        .description("Size of the latest snapshot").baseUnit("bytes").register(registry);
                FunctionCounter.builder(prefix + ".snapshot.installs", replica, r -> r.status().installs())
                        .description("Snapshots installed from peers to catch up").register(registry);
            };
        }
    }

    /**
     * The log's part of a service's health details: applied, queued, behind and snapshot size. A
     * service's own health indicator starts from this and adds its state.
     */
    public static Health.Builder health(Replica<?, ?> replica) {
        ReplicatedStateMachine.Status status = replica.status();
        return Health.up()
                .withDetail("applied", status.applied())
                .withDetail("queued", status.queued())
                .withDetail("behind", status.behind())
                .withDetail("snapshotBytes", status.snapshotBytes());
    }
}
