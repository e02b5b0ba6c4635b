package dev.ds.mapreduce.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.mapreduce.engine.RunStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker keeps map outputs until their job is no longer running, and serves nothing outside its folder. */
class LocalPartitionsTest {

    @TempDir
    Path dir;

    @Test
    void aJobsOutputsGoOnlyOnceAHeartbeatSentAfterThemNoLongerListsTheJob() throws IOException {
        LocalPartitions partitions = new LocalPartitions(dir.resolve("worker"));
        write(partitions.mapAttempt("job-1", 3, 5), 0);
        assertThat(partitions.partition("job-1", 3, 0)).isPresent();

        partitions.retainJobs(List.of(), 5);
        assertThat(partitions.partition("job-1", 3, 0)).as("the list may predate the job").isPresent();
        partitions.retainJobs(List.of("job-1"), 6);
        assertThat(partitions.partition("job-1", 3, 0)).as("still running").isPresent();
        partitions.retainJobs(List.of("job-2"), 7);
        assertThat(partitions.partition("job-1", 3, 0)).as("ended").isEmpty();
        assertThat(dir.resolve("worker").resolve("job-1")).doesNotExist();
    }

    @Test
    void namesThatLeaveTheFolderFindNothing() throws IOException {
        LocalPartitions partitions = new LocalPartitions(dir.resolve("worker"));
        write(partitions.mapAttempt("job-1", 3, 0), 0);
        assertThat(partitions.partition("..", 3, 0)).isEmpty();
        assertThat(partitions.partition("../worker/job-1", 3, 0)).isEmpty();
        assertThat(partitions.partition("job-1", 4, 0)).isEmpty();
        assertThat(partitions.partition("job-1", 3, 1)).isEmpty();
    }

    private static void write(RunStore store, int reduce) throws IOException {
        try (OutputStream out = store.create(RunStore.partition(reduce))) {
            out.write(1);
        }
    }
}
