package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.worker.Worker;
import dev.ds.mapreduce.worker.WorkerConfig;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health details show the protocol state: the current task, and whether the coordinator answers. */
final class WorkerHealth implements HealthIndicator {

    private final Worker worker;
    private final WorkerConfig config;

    WorkerHealth(Worker worker, WorkerConfig config) {
        this.worker = worker;
        this.config = config;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("role", "worker")
                .withDetail("self", config.self())
                .withDetail("coordinator", config.coordinator())
                .withDetail("coordinatorReachable", worker.coordinatorReachable())
                .withDetail("currentTask", worker.currentTask().orElse("idle"))
                .withDetail("tasksCompleted", worker.counters().tasksCompleted())
                .build();
    }
}
