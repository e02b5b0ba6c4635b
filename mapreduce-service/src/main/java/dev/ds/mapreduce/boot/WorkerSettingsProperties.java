package dev.ds.mapreduce.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * A worker's settings ({@code --role=worker}); its identity is {@code node.self}.
 *
 * @param coordinator {@code mapreduce.coordinator}: the coordinator's base URL (required)
 * @param workDir {@code mapreduce.work-dir}: where map outputs are kept, in a folder per worker start;
 *     default the system's temporary folder
 * @param pollInterval {@code mapreduce.poll-interval}: how long an idle worker waits before asking for work again
 * @param heartbeatInterval {@code mapreduce.heartbeat-interval}: how often it reports that it lives
 * @param sortBuffer {@code mapreduce.sort-buffer}: memory for a map task's output before it spills to disk
 * @param fetchAttempts {@code mapreduce.fetch-attempts}: tries to fetch a map output before reporting it lost
 * @param fetchBackoff {@code mapreduce.fetch-backoff}: the wait between those tries
 */
@ConfigurationProperties("mapreduce")
record WorkerSettingsProperties(
        String coordinator,
        String workDir,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("250ms") Duration heartbeatInterval,
        @DefaultValue("64MB") DataSize sortBuffer,
        @DefaultValue("3") int fetchAttempts,
        @DefaultValue("200ms") Duration fetchBackoff) {

    WorkerSettingsProperties {
        coordinator = Settings.baseUrl("mapreduce.coordinator", coordinator, "the coordinator's base URL");
        Settings.positive("mapreduce.poll-interval", pollInterval);
        Settings.positive("mapreduce.heartbeat-interval", heartbeatInterval);
        Settings.positive("mapreduce.sort-buffer", sortBuffer);
        Settings.atLeast("mapreduce.fetch-attempts", fetchAttempts, 1);
        Settings.positive("mapreduce.fetch-backoff", fetchBackoff);
    }
}
