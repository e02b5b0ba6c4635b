package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.coordinator.Coordinator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health details show the protocol state: jobs by state and workers by liveness. */
final class CoordinatorHealth implements HealthIndicator {

    private final Coordinator coordinator;

    CoordinatorHealth(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public Health health() {
        Coordinator.Stats stats = coordinator.stats();
        return Health.up()
                .withDetail("role", "coordinator")
                .withDetail("jobsRunning", stats.jobsRunning())
                .withDetail("jobsSucceeded", stats.jobsSucceeded())
                .withDetail("jobsFailed", stats.jobsFailed())
                .withDetail("workersAlive", stats.workersAlive())
                .withDetail("workersDead", stats.workersDead())
                .build();
    }
}
