package dev.ds.mapreduce.boot;

import static dev.ds.mapreduce.boot.WorkerNodes.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobState;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.Phase;
import dev.ds.api.mapreduce.TaskKind;
import dev.ds.api.mapreduce.WorkerInfo;
import dev.ds.api.mapreduce.WorkerState;
import dev.ds.client.mapreduce.MapReduceClient;
import dev.ds.mapreduce.Gutenberg;
import dev.ds.mapreduce.Outputs;
import dev.ds.mapreduce.Reference;
import dev.ds.mapreduce.coordinator.Coordinator;
import dev.ds.mapreduce.coordinator.RerunReason;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.testkit.cluster.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * MapReduce as users run it: the coordinator in a real context on a random port, workers in their
 * own contexts, every message over HTTP and the shuffle too. A worker is stopped once the maps are
 * done, before the reducers have fetched its outputs; its maps run again elsewhere and the output
 * still equals the sequential run. Health, readiness, metrics and OpenAPI follow.
 */
@SpringBootTest(classes = MapReduceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"role=coordinator", "mapreduce.tick=50ms", "mapreduce.worker-timeout=1s",
            "mapreduce.task-timeout=5s", "mapreduce.split-size=256KB"})
class MapReduceHttpTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String TEMP = System.getProperty("java.io.tmpdir");

    @LocalServerPort
    int port;

    @Autowired
    Coordinator coordinator;

    @TempDir
    Path dir;

    private final WorkerNodes workers = new WorkerNodes();

    /** The books are the inputs; outputs go to a folder under the system's temporary folder. */
    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("mapreduce.input-roots", () -> Gutenberg.folder().toString());
        registry.add("mapreduce.output-roots", () -> TEMP);
    }

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @Test
    void aJobOverHttpSurvivesAWorkerThatDiesBeforeItsMapOutputsWereFetched() {
        String coordinatorUrl = "http://127.0.0.1:" + port;
        MapReduceClient client = MapReduceClient.overHttp(coordinatorUrl);
        String first = startWorker(coordinatorUrl);
        String second = startWorker(coordinatorUrl);
        Await.until("both workers ready", DEADLINE, () -> get(first + "/actuator/health/readiness").contains("UP")
                && get(second + "/actuator/health/readiness").contains("UP"));

        List<String> books = Gutenberg.all();
        JobStatus submitted = client.submit(new JobRequest("early-exit", books, 3, dir.resolve("out").toString()));
        Await.until("the map phase to end", DEADLINE, () -> client.job(submitted.id()).phase() != Phase.MAP);
        workers.stop(second);
        String third = startWorker(coordinatorUrl);

        JobStatus done = client.awaitDone(submitted.id(), DEADLINE, Duration.ofMillis(20));
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.outputs()).hasSize(3);
        assertThat(Outputs.sortedLines(dir.resolve("out"))).isEqualTo(Reference.sortedLines("indexer", books, dir));
        assertThat(coordinator.stats().tasks().rerun(TaskKind.MAP, RerunReason.OUTPUT_LOST))
                .as("maps whose output died with the second worker").isPositive();
        Await.until("the stopped worker is dead", DEADLINE, () -> client.workers().stream()
                .anyMatch(w -> w.id().equals(second) && w.state() == WorkerState.DEAD));
        assertThat(client.workers()).extracting(WorkerInfo::id).containsExactlyInAnyOrder(first, second, third);
        assertThat(client.jobs()).extracting(JobStatus::id).containsExactly(submitted.id());

        assertThatThrownBy(() -> client.job("no-such-job")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ErrNotFound));
        checkObservability(coordinatorUrl, first);
    }

    private void checkObservability(String coordinatorUrl, String worker) {
        assertThat(get(coordinatorUrl + "/actuator/health"))
                .contains("\"status\":\"UP\"", "\"jobsSucceeded\":1", "\"workersAlive\":2", "\"workersDead\":1");
        assertThat(get(coordinatorUrl + "/actuator/prometheus")).contains(
                "mapreduce_tasks_started_total{kind=\"map\"}", "mapreduce_tasks_completed_total{kind=\"reduce\"} 3.0",
                "mapreduce_tasks_rerun_total{kind=\"map\",reason=\"output_lost\"}", "mapreduce_jobs_running 0.0",
                "mapreduce_workers_alive 2.0");
        assertThat(get(coordinatorUrl + "/v3/api-docs")).contains("/api/jobs", "/api/jobs/{id}", "/api/workers");
        assertThat(get(worker + "/actuator/health")).contains("\"status\":\"UP\"", "\"currentTask\":\"idle\"",
                "\"coordinatorReachable\":true");
        assertThat(get(worker + "/actuator/health/readiness")).contains("UP");
        String metrics = get(worker + "/actuator/prometheus");
        assertThat(metrics).contains("mapreduce_bytes_read_bytes_total", "mapreduce_bytes_shuffled_bytes_total",
                "mapreduce_bytes_written_bytes_total", "mapreduce_worker_tasks_total{outcome=\"completed\"}");
        assertThat(metrics).doesNotContain("mapreduce_bytes_read_bytes_total 0.0");
    }

    private String startWorker(String coordinatorUrl) {
        return workers.start(coordinatorUrl, dir, "--mapreduce.input-roots=" + Gutenberg.folder(),
                "--mapreduce.output-roots=" + TEMP);
    }
}
