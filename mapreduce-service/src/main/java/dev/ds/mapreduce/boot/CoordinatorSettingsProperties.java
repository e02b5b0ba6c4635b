package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.coordinator.CoordinatorSettings;
import dev.ds.spring.boot.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The coordinator's settings ({@code --role=coordinator}).
 *
 * @param splitSize {@code mapreduce.split-size}: inputs above this are cut into several map tasks, at line boundaries
 * @param tick {@code mapreduce.tick}: how often the coordinator checks liveness and leases
 * @param workerTimeout {@code mapreduce.worker-timeout}: a worker silent this long is dead
 * @param taskTimeout {@code mapreduce.task-timeout}: an attempt without progress this long is abandoned
 * @param maxTaskFailures {@code mapreduce.max-task-failures}: app failures of one task that fail its job
 * @param backupTasks {@code mapreduce.backup-tasks}: whether stragglers get backup attempts
 * @param backupFactor {@code mapreduce.backup-factor}: a straggler ran this many times the median task of its phase
 * @param backupMinRuntime {@code mapreduce.backup-min-runtime}: and at least this long
 */
@ConfigurationProperties("mapreduce")
record CoordinatorSettingsProperties(
        @DefaultValue("64MB") DataSize splitSize,
        @DefaultValue("100ms") Duration tick,
        @DefaultValue("3s") Duration workerTimeout,
        @DefaultValue("10s") Duration taskTimeout,
        @DefaultValue("4") int maxTaskFailures,
        @DefaultValue("true") boolean backupTasks,
        @DefaultValue("3") double backupFactor,
        @DefaultValue("5s") Duration backupMinRuntime) {

    CoordinatorSettingsProperties {
        Settings.positive("mapreduce.split-size", splitSize);
        Settings.positive("mapreduce.tick", tick);
        Settings.positive("mapreduce.worker-timeout", workerTimeout);
        Settings.positive("mapreduce.task-timeout", taskTimeout);
        Settings.atLeast("mapreduce.max-task-failures", maxTaskFailures, 1);
        if (!(backupFactor >= 1)) {
            throw new InvalidSettingException("mapreduce.backup-factor", backupFactor, "must be at least 1");
        }
        Settings.positive("mapreduce.backup-min-runtime", backupMinRuntime);
    }

    /** The same rules in ticks, for the core. */
    CoordinatorSettings core() {
        return new CoordinatorSettings(Settings.ticks(workerTimeout, tick), Settings.ticks(taskTimeout, tick),
                maxTaskFailures, backupTasks, backupFactor, Settings.ticks(backupMinRuntime, tick));
    }
}
