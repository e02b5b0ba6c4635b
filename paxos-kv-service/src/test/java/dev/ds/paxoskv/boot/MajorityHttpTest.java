package dev.ds.paxoskv.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.client.Retry;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.cluster.DataDirs;
import dev.ds.testkit.http.LocalHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Any majority makes progress from the group's first second (CONTRACT.md section 1), on real nodes:
 * five paxos-kv replicas on loopback, each a full Spring context on RocksDB, talking HTTP. The
 * situations are those of 6.824's Paxos tests {@code TestOld} and {@code TestPartition}, and a lost
 * disk while another member is down. Readiness says which nodes can take part in a majority.
 * How long each took once a majority could talk is logged (timings belong in benchmarks).
 */
class MajorityHttpTest {

    private static final Logger LOG = LoggerFactory.getLogger(MajorityHttpTest.class);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int GROUP = 5;

    @TempDir
    Path dataDirs;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final HttpRpcClient rpc = new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS);
    private final List<Integer> ports = LocalHttp.freePorts(GROUP);
    private final List<String> peers = LocalHttp.baseUrls(ports);

    @AfterEach
    void stop() {
        nodes.forEach(node -> {
            if (node != null) {
                node.close();
            }
        });
        rpc.close();
    }

    @Test
    @DisplayName("Test: Old — five configured, three started: the three serve reads and writes; a late member joins")
    void threeOfFiveServe() {
        for (int i = 0; i < 3; i++) {
            start(i);
        }
        long majorityUpAt = System.nanoTime();
        PaxosKvClient client = new PaxosKvClient(rpc, peers, new Retry(DEADLINE), "old");
        client.put("k", "v1");
        LOG.info("first write with three of five started: {} ms after the third started", millisSince(majorityUpAt));
        client.append("k", "+2");
        assertThat(client.get("k")).contains("v1+2");
        for (int i = 0; i < 3; i++) {
            awaitReady(i);
        }

        start(3);
        PaxosKvClient throughLate = new PaxosKvClient(rpc, List.of(peers.get(3)), new Retry(DEADLINE), "late");
        assertThat(throughLate.get("k")).as("the late new member serves what the three decided").contains("v1+2");
        assertThat(health(3)).as("a member that never ran votes at once, no lost-disk rule")
                .contains("\"standing\":\"voting\"");
    }

    @Test
    @DisplayName("Test: Partition — {0,2} {1,3} {4} decide nothing; then {1,2,3} does")
    void partitionedThenMajority() throws Exception {
        for (int i = 0; i < GROUP; i++) {
            start(i);
        }
        partition(List.of(List.of(0, 2), List.of(1, 3), List.of(4)));
        PaxosKvClient throughOne = new PaxosKvClient(rpc, List.of(peers.get(1)), new Retry(DEADLINE), "p");
        CompletableFuture<Void> put = CompletableFuture.runAsync(() -> throughOne.put("x", "decided"));
        for (int i = 0; i < GROUP; i++) {
            awaitNotReady(i, "in contact with");
        }
        assertThat(put).as("no majority: nothing decided").isNotDone();

        long healedAt = System.nanoTime();
        partition(List.of(List.of(0), List.of(1, 2, 3), List.of(4)));
        put.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        LOG.info("write through the majority {1,2,3} completed {} ms after it could talk", millisSince(healedAt));
        for (int i : List.of(1, 2, 3)) {
            awaitReady(i);
        }
        awaitNotReady(0, "in contact with 1 of 5");
        awaitNotReady(4, "in contact with 1 of 5");
        PaxosKvClient throughThree = new PaxosKvClient(rpc, List.of(peers.get(3)), new Retry(DEADLINE), "q");
        assertThat(throughThree.get("x")).contains("decided");
    }

    @Test
    @DisplayName("A member wiped and restarted with existing while another is down rejoins; the group serves throughout")
    void wipedMemberRejoinsWhileAnotherIsDown() throws Exception {
        for (int i = 0; i < GROUP; i++) {
            start(i);
        }
        PaxosKvClient writer = new PaxosKvClient(rpc, List.of(peers.get(0), peers.get(1)), new Retry(DEADLINE), "w");
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                int i = written.get();
                writer.put("key" + i, "value" + i);
                written.incrementAndGet();
            }
        });
        Await.until("writes before the faults", DEADLINE, () -> written.get() >= 10);
        nodes.get(4).close();
        nodes.set(4, null);
        nodes.get(2).close();
        nodes.set(2, null);
        DataDirs.wipe(dataDirs.resolve("r2"));
        int beforeRestart = written.get();
        long wipedAt = System.nanoTime();
        start(2, "--node.initial-cluster-state=existing");
        awaitReady(2);
        int whileRejoining = written.get() - beforeRestart;
        LOG.info("wiped member ready {} ms after its restart; {} writes completed meanwhile", millisSince(wipedAt),
                whileRejoining);
        Await.until("writes after the rejoin", DEADLINE, () -> written.get() >= beforeRestart + whileRejoining + 10);
        writing.set(false);
        writes.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(written.get() - beforeRestart).as("the group served while one was down and one rejoined")
                .isGreaterThanOrEqualTo(10);
        assertThat(health(2)).as("it rejoined under the lost-disk rule, with a new epoch")
                .contains("\"standing\":\"voting\"").doesNotContain("\"floorEpoch\":0");
        PaxosKvClient throughWiped = new PaxosKvClient(rpc, List.of(peers.get(2)), new Retry(DEADLINE), "r");
        for (int i = 0; i < written.get(); i++) {
            assertThat(throughWiped.get("key" + i)).as("key%d through the rejoined member", i).contains("value" + i);
        }
        throughWiped.put("after", "rejoin");
        assertThat(writer.get("after")).contains("rejoin");
    }

    private void start(int i, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + ports.get(i),
                "--node.peers=" + String.join(",", peers), "--node.me=" + i,
                "--node.data-dir=" + dataDirs.resolve("r" + i), "--chaos.enabled=true", "--paxoskv.op-timeout=1s"));
        args.addAll(List.of(more));
        ConfigurableApplicationContext node = new SpringApplicationBuilder(PaxosKvApplication.class)
                .run(args.toArray(String[]::new));
        while (nodes.size() <= i) {
            nodes.add(null);
        }
        nodes.set(i, node);
    }

    /** Cuts the group into {@code parts}: each node refuses to send to any node outside its part. */
    private void partition(List<List<Integer>> parts) {
        for (List<Integer> part : parts) {
            for (int node : part) {
                String blocked = peers.stream().filter(p -> !part.contains(peers.indexOf(p)))
                        .map(p -> "\"" + p + "\"").collect(Collectors.joining(","));
                LocalHttp.send(HttpRequest.newBuilder(URI.create(peers.get(node) + "/admin/chaos"))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"blockedPeers\": [" + blocked + "]}"))
                        .header("Content-Type", "application/json").build());
            }
        }
    }

    private String readiness(int i) {
        return LocalHttp.get(peers.get(i) + "/actuator/health/readiness");
    }

    private String health(int i) {
        return LocalHttp.get(peers.get(i) + "/actuator/health");
    }

    /** The overall status of the node's readiness group, "" while it does not answer. */
    private String readinessStatus(int i) {
        String body = readiness(i);
        return body.isEmpty() ? "" : Wire.mapper().readTree(body).path("status").asText();
    }

    private void awaitReady(int i) {
        Await.until("replica " + i + " ready", DEADLINE, () -> readinessStatus(i).equals("UP"));
    }

    private void awaitNotReady(int i, String reason) {
        Await.until("replica " + i + " not ready: " + reason, DEADLINE,
                () -> readinessStatus(i).equals("OUT_OF_SERVICE") && readiness(i).contains(reason));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
