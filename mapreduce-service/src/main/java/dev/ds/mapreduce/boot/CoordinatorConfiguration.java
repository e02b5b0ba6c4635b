package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.app.Apps;
import dev.ds.mapreduce.coordinator.Coordinator;
import dev.ds.mapreduce.storage.FileOutputs;
import dev.ds.mapreduce.storage.InputFiles;
import dev.ds.spring.boot.Ticker;
import dev.ds.spring.openapi.ApiDescription;
import java.time.InstantSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code --role=coordinator}: the coordinator core, ticked, with the job API and the workers' API. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "role", havingValue = "coordinator")
@EnableConfigurationProperties({CoordinatorSettingsProperties.class, PathRootsProperties.class})
@Import({JobController.class, CoordinatorInternalController.class})
class CoordinatorConfiguration {

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds MapReduce coordinator",
                "The MapReduce coordinator: takes jobs, hands their map and reduce tasks to the workers "
                + "that ask, and gives the tasks of a worker that stops answering to others.");
    }

    @Bean
    Coordinator coordinator(CoordinatorSettingsProperties settings, PathRootsProperties roots, Apps apps) {
        // Job ids carry the start time, so a restarted coordinator never reuses one that workers may still hold.
        String prefix = "job-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        return new Coordinator(settings.core(), apps, new FileOutputs(roots.outputs()), InstantSource.system(), prefix);
    }

    @Bean
    InputFiles inputFiles(CoordinatorSettingsProperties settings, PathRootsProperties roots) {
        return new InputFiles(settings.splitSize().toBytes(), roots.inputs());
    }

    @Bean
    TaskLongPoll taskLongPoll(Coordinator coordinator) {
        return new TaskLongPoll(coordinator);
    }

    /**
     * While a job runs, each tick may expire attempts or make backups due: held requests for work ask
     * again. With no job running a tick makes no work, so an idle coordinator leaves them asleep.
     */
    @Bean
    Ticker coordinatorTicker(Coordinator coordinator, TaskLongPoll longPoll, CoordinatorSettingsProperties settings) {
        return new Ticker("mapreduce-tick", settings.tick(), () -> {
            coordinator.tick();
            if (coordinator.stats().jobsRunning() > 0) {
                longPoll.changed();
            }
        });
    }

    @Bean
    CoordinatorHealth mapreduceHealthIndicator(Coordinator coordinator) {
        return new CoordinatorHealth(coordinator);
    }

    @Bean
    CoordinatorMetrics coordinatorMetrics(Coordinator coordinator) {
        return new CoordinatorMetrics(coordinator);
    }
}
