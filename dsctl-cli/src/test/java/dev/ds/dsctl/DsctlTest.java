package dev.ds.dsctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.rpc.Wire;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * dsctl against real nodes of every service, started in this JVM ({@link LocalTopology#shared}), run
 * in-process through {@link Dsctl#run} with its output captured: every command group, exit codes,
 * one-line problems, a partition and heal that the status table shows, and a MapReduce job followed
 * to the end with its progress lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DsctlTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    private LocalTopology cluster;

    /** What one run printed, and its exit code. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    @BeforeAll
    void start() throws IOException {
        System.setProperty("dsctl.home", temp.resolve("home").toString());
        cluster = LocalTopology.shared();
    }

    @AfterAll
    void stop() {
        System.clearProperty("dsctl.home");
    }

    Run dsctl(String... args) {
        List<String> all = new ArrayList<>(List.of("--topology", cluster.topologyFile().toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dsctl.run(new PrintWriter(out), new PrintWriter(err), false, all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs the command until its run satisfies {@code check}, a few times a second, up to the deadline. */
    Run eventually(Predicate<Run> check, String... args) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Run last = dsctl(args);
        while (!check.test(last)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("dsctl " + String.join(" ", args) + " never got there; last run:\n" + last);
            }
            TimeUnit.MILLISECONDS.sleep(250);
            last = dsctl(args);
        }
        return last;
    }

    @Test
    @Order(1)
    void shardMasterJoinsMovesLeavesAndQueries() throws Exception {
        assertThat(dsctl("shardmaster", "join", "100")).satisfies(r -> assertThat(r.code()).as(r.toString()).isZero());
        Run joined = dsctl("shardmaster", "join", "101");
        assertThat(joined.code()).as(joined.toString()).isZero();
        assertThat(joined.out()).contains("configuration 2").contains("shardkv-100-0").contains("shardkv-101-0");

        Run moved = dsctl("shardmaster", "move", "0", "101", "-o", "json");
        JsonNode config = Wire.mapper().readTree(moved.out());
        assertThat(config.path("shards").get(0).asLong()).as(moved.toString()).isEqualTo(101);

        Run left = dsctl("shardmaster", "leave", "101");
        assertThat(left.out()).as(left.toString()).doesNotContain("shardkv-101-0");
        Run query = dsctl("shardmaster", "query", "2");
        assertThat(query.out()).as(query.toString()).contains("configuration 2").contains("shardkv-101-0");
        assertThat(dsctl("shardmaster", "join", "101").code()).isZero();

        Run missing = dsctl("shardmaster", "query", "999");
        assertThat(missing.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err().lines()).singleElement().asString().startsWith("dsctl: ErrNotFound:");

        Run bad = dsctl("shardmaster", "move", "0", "7");
        assertThat(bad.code()).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err().lines()).singleElement().asString().startsWith("dsctl: ErrBadRequest:");
    }

    @Test
    @Order(2)
    void kvOnEveryStoreKeepsOneClientIdAcrossRuns() throws Exception {
        Path stateFile = temp.resolve("home").resolve("client.json");
        long writes = Wire.mapper().readTree(Files.readString(stateFile)).path("seq").asLong();
        for (String store : List.of("pb", "paxos-kv", "shardkv")) {
            Run put = dsctl("kv", "put", "greeting", "hello", "--store", store);
            assertThat(put.code()).as(put.toString()).isZero();
            assertThat(dsctl("kv", "--store", store, "append", "greeting", " world").code()).isZero();
            writes += 2;
            Run get = dsctl("kv", "get", "greeting", "-s", store);
            assertThat(get.out()).as(get.toString()).isEqualTo("hello world\n");
            Run json = dsctl("-o", "json", "kv", "get", "greeting", "-s", store);
            assertThat(Wire.mapper().readTree(json.out()).path("value").asString()).isEqualTo("hello world");

            Run missing = dsctl("kv", "get", "no-such-key", "-s", store);
            assertThat(missing.code()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(missing.err()).isEqualTo("dsctl: ErrNoKey: key 'no-such-key' has no value in " + store + "\n");
        }
        JsonNode state = Wire.mapper().readTree(Files.readString(stateFile));
        assertThat(state.path("seq").asLong()).isEqualTo(writes);
        Run write = dsctl("-o", "json", "kv", "append", "greeting", "!");
        assertThat(Wire.mapper().readTree(write.out()).path("clientId").asString())
                .isEqualTo(state.path("clientId").asString());
        assertThat(Wire.mapper().readTree(write.out()).path("seq").asLong()).isEqualTo(writes + 1);

        Run unknownStore = dsctl("kv", "get", "x", "-s", "redis");
        assertThat(unknownStore.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownStore.err()).startsWith("dsctl: --store: 'redis'");
    }

    @Test
    @Order(3)
    void viewNamesThePrimaryAndBackup() throws Exception {
        Run view = eventually(r -> r.out().contains("pb-0") && r.out().contains("pb-1"), "view");
        assertThat(view.out()).startsWith("VIEW");
        JsonNode json = Wire.mapper().readTree(dsctl("view", "-o", "json").out());
        assertThat(json.path("viewnum").asLong()).isPositive();
        assertThat(json.path("primary").asString()).isIn(cluster.url("pb-0"), cluster.url("pb-1"));
    }

    @Test
    @Order(4)
    void statusShowsAPartitionAndItsHeal() throws Exception {
        Run healthy = eventually(r -> r.code() == ExitCodes.OK, "status");
        assertThat(healthy.out()).contains("paxos-kv-0").contains("shardkv-100").contains("mr-worker-0")
                .contains("primary").contains("backup");

        Run cut = dsctl("chaos", "partition", "paxos-kv-0", "paxos-kv-1,paxos-kv-2");
        assertThat(cut.code()).as(cut.toString()).isZero();
        assertThat(cut.out()).contains("cut off from paxos-kv-1,paxos-kv-2").contains("cut off from paxos-kv-0");

        Run partitioned = eventually(r -> line(r, "paxos-kv-0").contains("OUT_OF_SERVICE"), "status");
        assertThat(partitioned.code()).isEqualTo(ExitCodes.UNHEALTHY);
        assertThat(line(partitioned, "paxos-kv-0")).contains("cut off from paxos-kv-1,paxos-kv-2");
        // The majority side still serves.
        assertThat(dsctl("kv", "put", "during", "partition").code()).isZero();
        assertThat(dsctl("kv", "get", "during").out()).isEqualTo("partition\n");

        Run healed = dsctl("chaos", "heal", "--all");
        assertThat(healed.code()).as(healed.toString()).isZero();
        Run after = eventually(r -> r.code() == ExitCodes.OK, "status");
        assertThat(line(after, "paxos-kv-0")).contains("UP").doesNotContain("cut off");
        JsonNode rows = Wire.mapper().readTree(dsctl("status", "-o", "json").out());
        assertThat(rows).hasSize(11);
        assertThat(rows.findValuesAsString("name")).contains("viewservice", "paxos-kv-0", "mr-worker-0");
    }

    @Test
    @Order(5)
    void isolateAndUnreliableShowInStatusUntilHealed() throws Exception {
        Run isolated = dsctl("chaos", "isolate", "shardmaster-0");
        assertThat(isolated.code()).as(isolated.toString()).isZero();
        assertThat(line(isolated, "shardmaster-0")).contains("cut off from").contains("paxos-kv-0");
        assertThat(line(isolated, "pb-0")).contains("cut off from shardmaster-0");
        assertThat(dsctl("chaos", "unreliable", "pb-1").out()).contains("unreliable (drops 10% of requests, 20%");
        Run status = dsctl("status");
        assertThat(status.code()).isEqualTo(ExitCodes.UNHEALTHY);
        assertThat(line(status, "pb-1")).contains("unreliable");

        assertThat(dsctl("chaos", "heal", "shardmaster-0", "pb-1").code()).isZero();
        Run after = dsctl("status");
        assertThat(after.out()).doesNotContain("cut off").doesNotContain("unreliable");

        Run unknown = dsctl("chaos", "isolate", "nobody");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err().lines()).singleElement().asString().startsWith("dsctl: no node named 'nobody'");
    }

    @Test
    @Order(6)
    void mrSubmitFollowsTheJobToTheEnd() throws Exception {
        Path books = cluster.mapReduceRoot();
        List<String> args = new ArrayList<>(List.of("mr", "submit", "--app", "wordcount", "--reduce", "2",
                "--output-dir", books.resolve("out").toString()));
        for (int i = 0; i < 3; i++) {
            Path book = books.resolve("book-" + i + ".txt");
            Files.writeString(book, ("the quick brown fox jumps over the lazy dog " + i + "\n").repeat(2000));
            args.add(book.toString());
        }
        Run run = dsctl(args.toArray(String[]::new));
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("MAP [").contains("REDUCE [").contains("tasks").contains("KiB")
                .contains("workers busy").contains("SUCCEEDED");
        assertThat(run.out().lines().filter(l -> l.contains("MAP [")).reduce((a, b) -> b).orElseThrow())
                .contains("[####################] 3/3 tasks").contains("SUCCEEDED");
        assertThat(Files.readString(books.resolve("out").resolve("mr-out-0"))
                + Files.readString(books.resolve("out").resolve("mr-out-1"))).contains("fox 6000");

        Run jobs = dsctl("mr", "jobs");
        assertThat(jobs.out()).contains("wordcount").contains("SUCCEEDED").contains("3/3");
        Run workers = dsctl("mr", "workers");
        assertThat(workers.out()).contains("mr-worker-0").contains("ALIVE");

        Run refused = dsctl("mr", "submit", "--app", "wordcount", "--output-dir", "/etc/out", "/etc/passwd");
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err().lines()).singleElement().asString().startsWith("dsctl: ErrBadRequest:");
    }

    @Test
    @Order(7)
    void nodesWithoutATopologyFileAndCompletion() {
        Run status = dsctl("status", "--nodes", "kv0=" + cluster.url("paxos-kv-0") + "," + cluster.url("pb-0"));
        assertThat(status.out()).as(status.toString()).contains("kv0").contains("paxos-kv").contains("pbserver");
        Run completion = dsctl("generate-completion");
        assertThat(completion.out()).contains("complete -F").contains("partition").contains("shardmaster");
        Run noFile = Dsctl.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false,
                "--topology", temp.resolve("none.json").toString(), "status") == ExitCodes.USAGE
                ? new Run(ExitCodes.USAGE, "", "") : new Run(-1, "", "");
        assertThat(noFile.code()).isEqualTo(ExitCodes.USAGE);
    }

    private static String line(Run run, String name) {
        return run.out().lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + name + " in\n" + run));
    }
}
