package dev.ds.mapreduce.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.mapreduce.AttemptOutcome;
import dev.ds.api.mapreduce.HeartbeatReply;
import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobState;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.MapReduceApi;
import dev.ds.api.mapreduce.NextTaskReply;
import dev.ds.api.mapreduce.ReportReply;
import dev.ds.api.mapreduce.Split;
import dev.ds.api.mapreduce.TaskAssignment;
import dev.ds.api.mapreduce.TaskKind;
import dev.ds.api.mapreduce.TaskReport;
import dev.ds.client.mapreduce.MapReduceClient;
import dev.ds.mapreduce.Gutenberg;
import dev.ds.mapreduce.Outputs;
import dev.ds.mapreduce.Reference;
import dev.ds.rpc.Wire;
import dev.ds.testkit.cluster.Await;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Jobs read and write only inside {@code mapreduce.input-roots} and {@code mapreduce.output-roots}
 * (CONTRACT.md section 6), over real HTTP. The folders, under a temporary one:
 *
 * <pre>
 * in/               input root (the books are one too)
 *   words.txt
 *   link-file -&gt; secret/s.txt
 *   link-out  -&gt; secret
 * out/              output root
 *   link-out  -&gt; secret
 * secret/s.txt, secret/victim.txt   outside every root
 * </pre>
 *
 * <p>The coordinator refuses every escape at submission, 400 naming the field, and creates nothing.
 * A worker handed the same paths by something that answers as its coordinator refuses them too:
 * it reads nothing, creates nothing and deletes nothing outside its roots.
 */
@SpringBootTest(classes = MapReduceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"role=coordinator", "mapreduce.tick=50ms", "mapreduce.worker-timeout=2s"})
class JobPathsHttpTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String VICTIM = "not yours";

    @TempDir
    static Path tmp;
    static Path base;

    @LocalServerPort
    int port;

    private final WorkerNodes workers = new WorkerNodes();

    @BeforeAll
    static void folders() throws IOException {
        base = tmp.toRealPath();
        for (String folder : List.of("in", "out", "secret", "scratch")) {
            Files.createDirectories(base.resolve(folder));
        }
        Files.writeString(base.resolve("in/words.txt"), "inside the roots\n");
        Files.writeString(base.resolve("secret/s.txt"), "secret words\n");
        Files.writeString(base.resolve("secret/victim.txt"), VICTIM);
        Files.createSymbolicLink(base.resolve("in/link-file"), base.resolve("secret/s.txt"));
        Files.createSymbolicLink(base.resolve("in/link-out"), base.resolve("secret"));
        Files.createSymbolicLink(base.resolve("out/link-out"), base.resolve("secret"));
    }

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("mapreduce.input-roots", JobPathsHttpTest::inputRoots);
        registry.add("mapreduce.output-roots", JobPathsHttpTest::outputRoots);
    }

    private static String inputRoots() {
        return base.resolve("in") + "," + Gutenberg.folder();
    }

    private static String outputRoots() {
        return base.resolve("out").toString();
    }

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "secret/s.txt                 | out/a          | inputs",
        "in/../secret/s.txt           | out/b          | inputs",
        "in/link-file                 | out/c          | inputs",
        "in/link-out/s.txt            | out/d          | inputs",
        "/etc/passwd                  | out/e          | inputs",
        "in/words.txt                 | elsewhere      | outputDir",
        "in/words.txt                 | out/../secret/f | outputDir",
        "in/words.txt                 | out/new/../../secret/g | outputDir",
        "in/words.txt                 | out/link-out/h | outputDir",
        "in/words.txt                 | /              | outputDir",
    })
    void pathsOutsideTheRootsAreRefusedNamingTheFieldAndNothingIsCreated(String input, String outputDir, String field)
            throws IOException {
        List<Path> before = tree();
        MapReduceClient client = MapReduceClient.overHttp(coordinator());
        int jobs = client.jobs().size();
        String body = Wire.mapper().writeValueAsString(
                new JobRequest("wordcount", List.of(absolute(input)), 2, absolute(outputDir)));
        HttpResponse<String> response = WorkerNodes.send(HttpRequest.newBuilder(URI.create(coordinator() + "/api/jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Map<?, ?> problem = Wire.mapper().readValue(response.body(), Map.class);
        assertThat(problem.get("code")).isEqualTo("ErrBadRequest");
        assertThat((String) problem.get("detail")).startsWith(field.trim() + ": ");
        assertThat(tree()).as("nothing created for a refused job").isEqualTo(before);
        assertThat(client.jobs()).as("no job queued").hasSize(jobs);
    }

    @Test
    void aJobInsideTheRootsRunsAndMatchesTheSequentialRun() {
        String worker = workers.start(coordinator(), base.resolve("scratch"),
                "--mapreduce.input-roots=" + inputRoots(), "--mapreduce.output-roots=" + outputRoots());
        Await.until("the worker is ready", DEADLINE,
                () -> WorkerNodes.get(worker + "/actuator/health/readiness").contains("UP"));
        List<String> inputs = Stream.concat(Gutenberg.some(2).stream(), Stream.of(absolute("in/words.txt"))).toList();
        MapReduceClient client = MapReduceClient.overHttp(coordinator());

        JobStatus job = client.submit(new JobRequest("indexer", inputs, 3, absolute("out/new/./wc")));
        JobStatus done = client.awaitDone(job.id(), DEADLINE, Duration.ofMillis(20));

        assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.outputs()).allSatisfy(output -> assertThat(output).startsWith(base.resolve("out/new/wc") + "/"));
        assertThat(Outputs.sortedLines(base.resolve("out/new/wc")))
                .isEqualTo(Reference.sortedLines("indexer", inputs, base.resolve("scratch")));
    }

    @Test
    void aWorkerRefusesForgedTasksThatNameFilesOutsideItsRoots() throws IOException {
        List<Path> secretsBefore = tree();
        ForgedCoordinator forged = new ForgedCoordinator(List.of(
                map(1, absolute("secret/s.txt")),
                map(2, absolute("in/link-file")),
                map(3, absolute("in/../secret/s.txt")),
                reduce(4, absolute("secret/victim.txt")),
                reduce(5, absolute("out/link-out/created.txt"))));
        try {
            String worker = workers.start(forged.url(), base.resolve("scratch"),
                    "--mapreduce.input-roots=" + inputRoots(), "--mapreduce.output-roots=" + outputRoots());
            Await.until("five reports", DEADLINE, () -> forged.reports.size() == 5);

            assertThat(forged.reports.values()).allSatisfy(report -> {
                assertThat(report.outcome()).isEqualTo(AttemptOutcome.FAILED);
                assertThat(report.error()).contains("ErrBadRequest", "is outside the folders mapreduce.");
            });
            assertThat(forged.reports.get(1L).error()).contains("inputs: ");
            assertThat(forged.reports.get(4L).error()).contains("outputDir: ");
            assertThat(base.resolve("secret/victim.txt")).as("a refused output is not deleted either").hasContent(VICTIM);
            assertThat(tree()).as("nothing created outside the worker's own folder").isEqualTo(secretsBefore);
            for (long attempt = 1; attempt <= 3; attempt++) {
                assertThat(status(worker + MapReduceApi.partitionPath(ForgedCoordinator.JOB, attempt, 0)))
                        .as("nothing read, nothing served").isEqualTo(404);
            }
            assertThat(status(worker + "/internal/mapreduce/partitions/../1/0")).isIn(400, 404);
            assertThat(status(worker + "/internal/mapreduce/partitions/%2E%2E/1/0")).isIn(400, 404);
        } finally {
            forged.stop();
        }
    }

    private static TaskAssignment map(long attempt, String path) {
        return new TaskAssignment(ForgedCoordinator.JOB, TaskKind.MAP, 0, attempt, "wordcount", 1,
                new Split(path, 0, 100), List.of(), null);
    }

    private static TaskAssignment reduce(long attempt, String outputFile) {
        return new TaskAssignment(ForgedCoordinator.JOB, TaskKind.REDUCE, 0, attempt, "wordcount", 1,
                null, List.of(), outputFile);
    }

    private String coordinator() {
        return "http://127.0.0.1:" + port;
    }

    private static String absolute(String path) {
        return path.startsWith("/") ? path : base + "/" + path;
    }

    private static int status(String url) {
        return WorkerNodes.send(HttpRequest.newBuilder(URI.create(url)).build()).statusCode();
    }

    /** Every path under the temporary folder but the workers' own scratch space. */
    private static List<Path> tree() throws IOException {
        try (Stream<Path> paths = Files.walk(base)) {
            return paths.filter(path -> !path.startsWith(base.resolve("scratch"))).sorted().toList();
        }
    }

    /** Answers as a coordinator: hands out the given tasks once each, and records the reports. */
    private static final class ForgedCoordinator {
        static final String JOB = "job-forged";

        final Map<Long, TaskReport> reports = new ConcurrentHashMap<>();
        private final Queue<TaskAssignment> tasks;
        private final HttpServer server;

        ForgedCoordinator(List<TaskAssignment> tasks) throws IOException {
            this.tasks = new ConcurrentLinkedQueue<>(tasks);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(MapReduceApi.NEXT_TASK.pathTemplate(), exchange ->
                    reply(exchange, new NextTaskReply(this.tasks.poll())));
            server.createContext(MapReduceApi.HEARTBEAT.pathTemplate(), exchange ->
                    reply(exchange, new HeartbeatReply(List.of(), List.of(JOB))));
            server.createContext(MapReduceApi.REPORT.pathTemplate(), exchange -> {
                TaskReport report = Wire.mapper().readValue(exchange.getRequestBody(), TaskReport.class);
                reports.put(report.attempt(), report);
                reply(exchange, new ReportReply(true));
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        private static void reply(HttpExchange exchange, Object body) throws IOException {
            byte[] bytes = Wire.mapper().writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
