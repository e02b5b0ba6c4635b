package dev.ds.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobState;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.MapReduceApi;
import dev.ds.api.mapreduce.TaskKind;
import dev.ds.mapreduce.coordinator.RerunReason;
import dev.ds.mapreduce.testapps.Crashes;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.RpcClient;
import dev.ds.testkit.Seeds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault tolerance: the crash test of 6.824's test script, and the 2015 lab's basic, one-failure
 * and many-failures tests, with workers killed and replaced while the job runs.
 */
class MapReduceFailureTest {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
    /** The 2015 lab's input: the numbers 0 to N-1, one per line; each must come out exactly once. */
    private static final int NUMBERS = 100_000;
    private static final long SMALL_SPLITS = 16 << 10;

    @TempDir
    Path dir;

    private MapReduceHarness cluster;

    @AfterEach
    void stop() {
        Crashes.disarm();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @DisplayName("crash test: workers crash or stall at random and are replaced; output equals the sequential run")
    void crash() {
        long seed = Seeds.seed("crash test");
        List<String> books = Gutenberg.all();
        cluster = new MapReduceHarness(dir, seed);
        List<String> crashed = new CopyOnWriteArrayList<>();
        Crashes.arm(seed, 3e-5, 3e-5, 2_500, address -> {
            crashed.add(address);
            cluster.kill(address);
        });
        keepWorkers(3);
        JobStatus job = cluster.client().submit(new JobRequest("crash", books, 10, dir.resolve("out").toString()));
        waitUntil(JOB_TIMEOUT, () -> {
            keepWorkers(3);
            return cluster.coordinator().job(job.id()).ended();
        });
        Crashes.disarm();
        JobStatus done = cluster.coordinator().job(job.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(Outputs.sortedLines(dir.resolve("out"))).isEqualTo(Reference.sortedLines("wordcount", books, dir));
        assertThat(crashed).as("workers that crashed (seed %d)", seed).isNotEmpty();
    }

    @Test
    @DisplayName("Test: Basic mapreduce ...")
    void basic() {
        cluster = new MapReduceHarness(dir, Seeds.seed("Basic mapreduce"), MapReduceHarness.SETTINGS, SMALL_SPLITS);
        cluster.startWorker();
        cluster.startWorker();
        JobStatus job = runNumbers();
        assertThat(job.map().total()).as("map tasks").isGreaterThan(20);
        assertThat(job.tasks()).allMatch(task -> task.attempts() == 1);
    }

    @Test
    @DisplayName("Test: One Failure ...")
    void oneFailure() {
        cluster = new MapReduceHarness(dir, Seeds.seed("One Failure"), MapReduceHarness.SETTINGS, SMALL_SPLITS);
        String failing = startFailingWorker(10);
        cluster.startWorker();
        runNumbers();
        assertThat(cluster.workers()).extracting(w -> w.self()).doesNotContain(failing);
    }

    @Test
    @DisplayName("Test: Many Failures ...")
    void manyFailures() {
        // Map outputs live on the workers here, not on a shared file system as in the lab, so each death
        // loses the maps its worker ran. With about 20 maps the first workers die holding all of them,
        // and the job still finishes within seconds while workers keep dying.
        cluster = new MapReduceHarness(dir, Seeds.seed("Many Failures"), MapReduceHarness.SETTINGS, 2 * SMALL_SPLITS);
        Path input = numbers();
        JobStatus job = cluster.client().submit(new JobRequest("tokens", List.of(input.toString()), 10,
                dir.resolve("out").toString()));
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        // The first two workers are alone until one of them has died: the job's 28 tasks outnumber their
        // 20 reports, so a death with map outputs still needed is certain, not left to timing.
        String first = startFailingWorker(10);
        String second = startFailingWorker(10);
        waitUntil(JOB_TIMEOUT, () -> cluster.workers().stream().noneMatch(w -> w.self().equals(first))
                || cluster.workers().stream().noneMatch(w -> w.self().equals(second)));
        // Then as in the lab: two new workers every interval, each failing after 10 tasks, until the job is done.
        while (!cluster.coordinator().job(job.id()).ended() && System.nanoTime() - deadline < 0) {
            startFailingWorker(10);
            startFailingWorker(10);
            waitUntil(Duration.ofMillis(300), () -> cluster.coordinator().job(job.id()).ended(), false);
        }
        checkNumbers(cluster.coordinator().job(job.id()));
        assertThat(cluster.coordinator().stats().tasks().rerun(TaskKind.MAP, RerunReason.OUTPUT_LOST)
                + cluster.coordinator().stats().tasks().rerun(TaskKind.MAP, RerunReason.WORKER_LOST)
                + cluster.coordinator().stats().tasks().rerun(TaskKind.REDUCE, RerunReason.WORKER_LOST))
                .as("tasks re-run after failures").isPositive();
    }

    /** Keeps {@code n} workers running: each one that crashed is replaced by a new one. */
    private void keepWorkers(int n) {
        for (int i = cluster.workers().size(); i < n; i++) {
            cluster.startWorker();
        }
    }

    /** A worker that dies after it has reported {@code tasks} task outcomes, as the 2015 lab's do after n RPCs. */
    private String startFailingWorker(int tasks) {
        String address = cluster.nextWorkerAddress();
        RpcClient network = cluster.networkClient(address);
        AtomicInteger reports = new AtomicInteger();
        RpcClient failing = new RpcClient() {
            @Override
            public <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request) {
                Optional<R> reply = network.call(to, endpoint, request);
                if (endpoint.equals(MapReduceApi.REPORT) && reports.incrementAndGet() >= tasks) {
                    cluster.kill(address);
                }
                return reply;
            }
        };
        cluster.startWorker(failing);
        return address;
    }

    private JobStatus runNumbers() {
        JobStatus job = cluster.run("tokens", List.of(numbers().toString()), 10, dir.resolve("out"), JOB_TIMEOUT);
        checkNumbers(job);
        return job;
    }

    private Path numbers() {
        return cluster.write("numbers.txt", IntStream.range(0, NUMBERS).mapToObj(Integer::toString).toList());
    }

    /** The 2015 lab's check: every number comes out once, the output has nothing else. */
    private void checkNumbers(JobStatus job) {
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        List<String> expected = new ArrayList<>(IntStream.range(0, NUMBERS).mapToObj(i -> i + " 1").toList());
        expected.sort(null);
        assertThat(Outputs.sortedLines(dir.resolve("out"))).isEqualTo(expected);
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition) {
        waitUntil(timeout, condition, true);
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes; fails at the timeout if asked to. */
    private static void waitUntil(Duration timeout, BooleanSupplier condition, boolean failAtTimeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                assertThat(failAtTimeout).as("timed out after %s", timeout).isFalse();
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
