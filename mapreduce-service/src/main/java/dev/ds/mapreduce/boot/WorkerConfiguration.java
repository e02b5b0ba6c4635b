package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.app.Apps;
import dev.ds.mapreduce.worker.HttpPartitionSource;
import dev.ds.mapreduce.worker.LocalPartitions;
import dev.ds.mapreduce.worker.Worker;
import dev.ds.mapreduce.worker.WorkerConfig;
import dev.ds.rpc.RpcClient;
import dev.ds.spring.chaos.ChaosState;
import dev.ds.spring.openapi.ApiDescription;
import dev.ds.spring.rpc.RpcProperties;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code --role=worker}: the worker loop, started and stopped with the node, the server of its map
 * outputs, and its health: ready only while the coordinator answers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "role", havingValue = "worker")
@EnableConfigurationProperties({WorkerSettingsProperties.class, PathRootsProperties.class})
@Import(PartitionController.class)
class WorkerConfiguration {

    /** Chosen at each start, so the coordinator tells a restarted worker (outputs gone) from a paused one. */
    private final String incarnation = UUID.randomUUID().toString();

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds MapReduce worker",
                "A MapReduce worker: pulls tasks from the coordinator, runs them, and serves its map "
                + "outputs to the reducers that fetch them.");
    }

    @Bean
    WorkerConfig workerConfig(WorkerSettingsProperties settings, PathRootsProperties roots,
            @Value("${node.self:}") String self) {
        return new WorkerConfig(Settings.baseUrl("node.self", self, "this worker's own base URL"),
                settings.coordinator(), settings.pollInterval(), settings.heartbeatInterval(),
                settings.sortBuffer().toBytes(), settings.fetchAttempts(), settings.fetchBackoff(),
                roots.inputs(), roots.outputs());
    }

    /** A folder of this incarnation's own under the work dir: the worker deletes it whole, and nothing else. */
    @Bean
    LocalPartitions localPartitions(WorkerSettingsProperties settings) {
        Path workDir = settings.workDir() == null || settings.workDir().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(settings.workDir());
        return new LocalPartitions(workDir.resolve("mapreduce-worker-" + incarnation));
    }

    @Bean
    HttpPartitionSource partitionSource(RpcProperties rpc, ChaosState chaos,
            @Value("${cluster.secret:}") String secret) {
        // A partition may be large: the read timeout bounds the wait for the first byte, not the transfer.
        return new HttpPartitionSource(rpc.connectTimeout(), rpc.readTimeout(), secret, chaos::blocks);
    }

    @Bean
    WorkerReadiness readinessStateHealthIndicator(ApplicationAvailability availability) {
        return new WorkerReadiness(availability);
    }

    @Bean
    Worker worker(WorkerConfig config, RpcClient rpc, Apps apps, LocalPartitions partitions,
            HttpPartitionSource source, WorkerReadiness readiness) {
        return new Worker(config, incarnation, rpc, apps, partitions, source, readiness::coordinatorReachable);
    }

    @Bean
    WorkerLifecycle workerLifecycle(Worker worker, LocalPartitions partitions) {
        return new WorkerLifecycle(worker, partitions);
    }

    @Bean
    WorkerHealth mapreduceHealthIndicator(Worker worker, WorkerConfig config) {
        return new WorkerHealth(worker, config);
    }

    @Bean
    WorkerMetrics workerMetrics(Worker worker) {
        return new WorkerMetrics(worker);
    }
}
