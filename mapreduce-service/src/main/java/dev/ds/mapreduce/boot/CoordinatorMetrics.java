package dev.ds.mapreduce.boot;

import dev.ds.api.mapreduce.TaskKind;
import dev.ds.mapreduce.coordinator.Coordinator;
import dev.ds.mapreduce.coordinator.RerunReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;

/** Tasks started, completed, failed and re-run (by kind, and re-runs by reason); jobs and workers. */
final class CoordinatorMetrics implements MeterBinder {

    private final Coordinator coordinator;

    CoordinatorMetrics(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TaskKind kind : TaskKind.values()) {
            String tag = kind.name().toLowerCase(Locale.ROOT);
            FunctionCounter.builder("mapreduce.tasks.started", coordinator, c -> c.stats().tasks().started(kind))
                    .description("Task attempts handed to workers").tag("kind", tag).register(registry);
            FunctionCounter.builder("mapreduce.tasks.completed", coordinator, c -> c.stats().tasks().completed(kind))
                    .description("Task attempts that won their task").tag("kind", tag).register(registry);
            FunctionCounter.builder("mapreduce.tasks.failed", coordinator, c -> c.stats().tasks().failed(kind))
                    .description("Task attempts whose app threw").tag("kind", tag).register(registry);
            for (RerunReason reason : RerunReason.values()) {
                FunctionCounter.builder("mapreduce.tasks.rerun", coordinator,
                                c -> c.stats().tasks().rerun(kind, reason))
                        .description("Task attempts that were not their task's first, by why")
                        .tag("kind", tag).tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry);
            }
        }
        Gauge.builder("mapreduce.jobs.running", coordinator, c -> c.stats().jobsRunning())
                .description("Jobs queued or running").register(registry);
        Gauge.builder("mapreduce.workers.alive", coordinator, c -> c.stats().workersAlive())
                .description("Workers sending heartbeats").register(registry);
    }
}
