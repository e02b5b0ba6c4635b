package dev.ds.shardkv.boot;

import dev.ds.client.Retry;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.paxos.boot.PaxosHealth;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.rpc.RpcClient;
import dev.ds.rsm.boot.ReplicaAssembly;
import dev.ds.rsm.boot.ReplicaAutoConfiguration;
import dev.ds.rsm.boot.ReplicaProperties;
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
import org.springframework.core.env.Environment;

/**
 * A shardkv replica on the replica stack ({@link ReplicaAutoConfiguration}: catch-up, wake-up and
 * the log's metrics), with what is its own: the migrator, the group-to-group API, readiness that
 * requires the group in the configuration, and health and metrics of its shards.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardKvSettings.class)
@Import(ShardKvController.class)
class ShardKvConfiguration {

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds shardkv replica",
                "One replica of a group of the sharded key/value store: any node takes any key and "
                + "forwards it to the group that owns the key's shard; shards move between groups with "
                + "their data as configurations change.");
    }

    /** {@code shardkv.op-timeout}, {@code shardkv.max-queued}, {@code shardkv.snapshot-every} (default 64). */
    @Bean
    ReplicaProperties replicaProperties(Environment environment) {
        return ReplicaProperties.bind(environment, "shardkv", "shardkv", 64);
    }

    @Bean(destroyMethod = "close")
    ShardKvReplica shardKvReplica(ObjectProvider<ReplicaAssembly> assemblies, ShardKvSettings settings, RpcClient rpc) {
        ReplicaAssembly assembly = assemblies.getIfAvailable();
        if (assembly == null) {
            throw new InvalidSettingException("node.peers", null,
                    "required: every replica of this group's base URL, comma-separated");
        }
        return new ShardKvReplica(settings.gid(), settings.shards(), assembly.log(ShardKvCommand.class), rpc,
                assembly.settings("shardkv-" + settings.gid() + "-" + assembly.me()));
    }

    /** The migrator, watching the shard master (each watch waits up to {@code shardkv.watch-wait}). */
    @Bean(destroyMethod = "close")
    Migrator shardKvMigrator(ShardKvReplica replica, ReplicaAssembly assembly, ShardKvSettings settings,
            RpcClient rpc) {
        ShardMasterClient master = new ShardMasterClient(rpc, settings.shardmasters(),
                new Retry(assembly.properties().opTimeout()), "shardkv-" + settings.gid() + "-" + UUID.randomUUID());
        return new Migrator("shardkv-" + settings.gid(), replica, master, rpc, settings.pollInterval(),
                settings.watchWait(), assembly.me());
    }

    @Bean
    HealthIndicator shardKvHealthIndicator(ShardKvReplica replica) {
        return () -> {
            GroupState.GroupView view = replica.view();
            return ReplicaAutoConfiguration.health(replica.replica())
                    .withDetail("gid", view.gid())
                    .withDetail("config", view.config())
                    .withDetail("serving", view.serving())
                    .withDetail("pulling", view.pulling())
                    .withDetail("handingOff", view.handingOff().stream().map(Object::toString).toList())
                    .withDetail("keys", view.keys())
                    .withDetail("migrationBytesIn", view.installedBytes())
                    .withDetail("migrationBytesOut", replica.pulledBytes())
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
            Health paxos = PaxosHealth.serving(peer, replica.replica().status().behind());
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
        };
    }
}
