package dev.ds.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobState;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.TaskStatus;
import dev.ds.mapreduce.testapps.JobCountApp;
import dev.ds.mapreduce.testapps.TimingApps;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.cluster.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of 6.824's MapReduce test script ({@code test-mr.sh}), ported, without faults: real
 * workers and files, the coordinator on the in-memory network. Faults are in
 * {@link MapReduceFailureTest}.
 */
class MapReduceTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private MapReduceHarness cluster;

    private MapReduceHarness start(String test, int workers) {
        cluster = new MapReduceHarness(dir, Seeds.seed(test));
        for (int i = 0; i < workers; i++) {
            cluster.startWorker();
        }
        return cluster;
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @DisplayName("wc test: wordcount on every book equals the sequential run")
    void wordCount() {
        List<String> books = Gutenberg.all();
        start("wc test", 3);
        JobStatus job = cluster.run("wordcount", books, 10, dir.resolve("out"), JOB_TIMEOUT);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.outputs()).hasSize(10);
        assertThat(Outputs.sortedLines(dir.resolve("out")))
                .isEqualTo(Reference.sortedLines("wordcount", books, dir));
        // Progress in bytes: every input byte mapped, every partition byte the maps wrote reduced.
        assertThat(job.map().completedBytes()).isEqualTo(job.map().bytes()).isPositive();
        assertThat(job.reduce().completedBytes()).isEqualTo(job.reduce().bytes()).isPositive();
    }

    @Test
    @DisplayName("indexer test: the inverted index of every book equals the sequential run")
    void indexer() {
        List<String> books = Gutenberg.all();
        start("indexer test", 2);
        JobStatus job = cluster.run("indexer", books, 10, dir.resolve("out"), JOB_TIMEOUT);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Outputs.sortedLines(dir.resolve("out"))).isEqualTo(Reference.sortedLines("indexer", books, dir));
    }

    @Test
    @DisplayName("map parallelism test: two workers run map tasks at the same time")
    void mapParallelism() {
        start("map parallelism test", 2);
        TimingApps.MAPS.reset();
        JobStatus job = cluster.run("mtiming", oneLineInputs(8), 1, dir.resolve("out"), JOB_TIMEOUT);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(TimingApps.MAPS.most()).as("workers inside map at once").isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("reduce parallelism test: two workers run reduce tasks at the same time")
    void reduceParallelism() {
        start("reduce parallelism test", 2);
        TimingApps.REDUCES.reset();
        JobStatus job = cluster.run("rtiming", oneLineInputs(4), 2, dir.resolve("out"), JOB_TIMEOUT);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(TimingApps.REDUCES.most()).as("workers inside reduce at once").isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("job count test: without failures no task runs twice")
    void jobCount() {
        start("job count test", 4);
        JobCountApp.MAP_CALLS.set(0);
        JobStatus job = cluster.run("jobcount", oneLineInputs(8), 3, dir.resolve("out"), JOB_TIMEOUT);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(JobCountApp.MAP_CALLS.get()).as("map calls, one per input").isEqualTo(8);
        assertThat(job.tasks()).extracting(TaskStatus::attempts).containsOnly(1);
        assertThat(Outputs.sortedLines(dir.resolve("out"))).containsExactly("a 8");
    }

    @Test
    @DisplayName("early exit test: SUCCEEDED only once every output is final, and nothing changes afterwards")
    void earlyExit() throws IOException {
        List<String> books = Gutenberg.all();
        start("early exit test", 3);
        Path out = dir.resolve("out");
        JobStatus submitted = cluster.client().submit(new JobRequest(
                "early-exit", books, 5, out.toString()));
        Await.until("the job to end", JOB_TIMEOUT, () -> cluster.coordinator().job(submitted.id()).ended());
        Map<String, FileTime> atSuccess = outputFiles(out);
        List<String> linesAtSuccess = Outputs.sortedLines(out);
        assertThat(cluster.coordinator().job(submitted.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(atSuccess).as("every output file is there at SUCCEEDED").hasSize(5);

        Await.until("every worker idle", Duration.ofSeconds(10), this::idle);
        assertThat(outputFiles(out)).as("files and their times afterwards").isEqualTo(atSuccess);
        assertThat(Outputs.sortedLines(out)).isEqualTo(linesAtSuccess)
                .isEqualTo(Reference.sortedLines("indexer", books, dir));
        assertThat(out.resolve("_temporary")).doesNotExist();
    }

    private boolean idle() {
        return cluster.workers().stream().allMatch(w -> w.currentTask().isEmpty());
    }

    private List<String> oneLineInputs(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> cluster.write("in-" + i + ".txt", List.of("line " + i)).toString()).toList();
    }

    private static Map<String, FileTime> outputFiles(Path out) throws IOException {
        Map<String, FileTime> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(out)) {
            for (Path file : list.filter(p -> p.getFileName().toString().startsWith("mr-out")).toList()) {
                files.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return files;
    }
}
