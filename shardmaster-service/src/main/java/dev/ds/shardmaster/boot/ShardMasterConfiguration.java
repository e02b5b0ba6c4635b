package dev.ds.shardmaster.boot;

import dev.ds.api.shardmaster.Config;
import dev.ds.rsm.boot.HorizonController;
import dev.ds.rsm.boot.ReplicaAssembly;
import dev.ds.rsm.boot.ReplicaAutoConfiguration;
import dev.ds.rsm.boot.ReplicaProperties;
import dev.ds.shardmaster.master.MasterCommand;
import dev.ds.shardmaster.replica.ShardMasterReplica;
import dev.ds.spring.openapi.ApiDescription;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.IntSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The replicated shard master on the replica stack ({@link ReplicaAutoConfiguration}: catch-up,
 * wake-up, readiness and the log's metrics), with what is its own: its REST API, the read fence
 * its watches use, and health and metrics of the configurations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardMasterSettings.class)
@Import({ShardMasterController.class, HorizonController.class})
class ShardMasterConfiguration {

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds shard master replica",
                "One replica of the shard master: numbered configurations that assign each shard to a "
                + "replica group, changed by Join, Leave and Move through Paxos and read linearizably.");
    }

    /**
     * {@code shardmaster.op-timeout}, {@code shardmaster.max-queued}, {@code shardmaster.snapshot-every}:
     * configurations change rarely, so by default a snapshot every 16 keeps the log short and restarts quick.
     */
    @Bean
    ReplicaProperties replicaProperties(Environment environment) {
        return ReplicaProperties.bind(environment, "shardmaster", "shardmaster", 16);
    }

    /** The replica, keeping every configuration (durably when there is a data dir). */
    @Bean(destroyMethod = "close")
    ShardMasterReplica shardMasterReplica(ReplicaAssembly assembly, ShardMasterSettings settings) {
        return new ShardMasterReplica(assembly.log(MasterCommand.class), settings.shards(),
                assembly.settings("shardmaster-" + assembly.me()));
    }

    @Bean
    HealthIndicator shardMasterHealthIndicator(ShardMasterReplica replica) {
        return () -> {
            Config latest = replica.latestApplied();
            return ReplicaAutoConfiguration.health(replica.replica())
                    .withDetail("config", latest.num())
                    .withDetail("groups", latest.groups().keySet())
                    .withDetail("shardsPerGroup", shardsPerGroup(latest))
                    .build();
        };
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
        };
    }

    /** Shards held by each group, gid 0 standing for the unassigned ones. */
    static Map<Long, Integer> shardsPerGroup(Config config) {
        Map<Long, Integer> counts = new TreeMap<>();
        config.groups().keySet().forEach(gid -> counts.put(gid, 0));
        config.shards().forEach(gid -> counts.merge(gid, 1, Integer::sum));
        return counts;
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
