package dev.ds.mapreduce.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.NextTaskReply;
import dev.ds.api.mapreduce.NextTaskRequest;
import dev.ds.api.mapreduce.Split;
import dev.ds.mapreduce.app.Apps;
import dev.ds.mapreduce.coordinator.Coordinator;
import dev.ds.mapreduce.coordinator.CoordinatorSettings;
import dev.ds.mapreduce.storage.FileOutputs;
import dev.ds.mapreduce.storage.PathRoots;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workers' long poll: held while there is nothing, answered as soon as work appears. */
class TaskLongPollTest {

    @TempDir
    Path dir;

    private Coordinator coordinator() {
        return new Coordinator(new CoordinatorSettings(10, 10, 4, false, 3, 10), Apps.load(getClass().getClassLoader()),
                new FileOutputs(new PathRoots("mapreduce.output-roots", List.of(dir.toString()))),
                InstantSource.system(), "job-");
    }

    @Test
    void aRequestWithNothingToDoIsHeldForItsWaitAndAnsweredEmpty() {
        TaskLongPoll poll = new TaskLongPoll(coordinator());

        long start = System.nanoTime();
        NextTaskReply reply = poll.next(new NextTaskRequest("w1", "i", 300));

        assertThat(reply.task()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("held for its wait")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aRequestWithoutWaitIsAnsweredAtOnce() {
        assertThat(new TaskLongPoll(coordinator()).next(new NextTaskRequest("w1", "i")).task()).isNull();
    }

    @Test
    void aHeldRequestGetsTheFirstTaskOfAJobSubmittedWhileItWaits() throws Exception {
        Coordinator coordinator = coordinator();
        TaskLongPoll poll = new TaskLongPoll(coordinator);
        CompletableFuture<NextTaskReply> held = CompletableFuture.supplyAsync(
                () -> poll.next(new NextTaskRequest("w1", "i", NextTaskRequest.MAX_WAIT_MS)));
        // The worker is waiting once the coordinator has heard from it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (coordinator.workers().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(held).isNotDone();

        Split split = new Split(dir.resolve("in.txt").toString(), 0, 10);
        coordinator.submit(new JobRequest("wordcount", List.of(split.path()), 1, dir.resolve("out").toString()),
                List.of(split));
        poll.changed();

        NextTaskReply reply = held.get(5, TimeUnit.SECONDS);
        assertThat(reply.task()).isNotNull();
        assertThat(reply.task().split()).isEqualTo(split);
    }
}
