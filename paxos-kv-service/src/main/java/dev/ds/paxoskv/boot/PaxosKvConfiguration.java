package dev.ds.paxoskv.boot;

import dev.ds.paxoskv.kv.KvCommand;
import dev.ds.paxoskv.replica.KvReplica;
import dev.ds.rsm.boot.ReplicaAssembly;
import dev.ds.rsm.boot.ReplicaAutoConfiguration;
import dev.ds.rsm.boot.ReplicaProperties;
import dev.ds.spring.openapi.ApiDescription;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The replicated key/value state machine on the replica stack ({@link ReplicaAutoConfiguration}:
 * catch-up, wake-up, readiness and the log's metrics), and what is the store's own: its key count.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TestOnlySettings.class)
class PaxosKvConfiguration {

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds paxos-kv replica",
                "One replica of the Paxos-replicated key/value store: any replica takes any request and "
                + "orders it through the Paxos log; answers are linearizable, and a replica cut off from a "
                + "majority times out.");
    }

    /** {@code paxoskv.op-timeout}, {@code paxoskv.max-queued}, {@code paxoskv.snapshot-every} (default 64). */
    @Bean
    ReplicaProperties replicaProperties(Environment environment) {
        return ReplicaProperties.bind(environment, "paxoskv", "kv", 64);
    }

    @Bean(destroyMethod = "close")
    KvReplica kvReplica(ReplicaAssembly assembly, TestOnlySettings testOnly) {
        return new KvReplica(assembly.log(KvCommand.class), assembly.settings("kv-" + assembly.me()),
                testOnly.unsafeLocalReads());
    }

    @Bean
    HealthIndicator paxosKvHealthIndicator(KvReplica replica) {
        return () -> ReplicaAutoConfiguration.health(replica.replica()).withDetail("keys", replica.keys()).build();
    }

    @Bean
    MeterBinder paxosKvMetrics(KvReplica replica) {
        return (MeterRegistry registry) -> Gauge.builder("paxoskv.keys", replica, KvReplica::keys)
                .description("Keys held").register(registry);
    }
}
