package dev.ds.paxoskv.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.client.Retry;
import dev.ds.client.kv.KvClient;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import dev.ds.testkit.browser.HeadlessChromium;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.cluster.DataDirs;
import dev.ds.testkit.http.LocalHttp;
import dev.ds.testkit.history.HistoryRecorder;
import dev.ds.testkit.kv.Appends;
import dev.ds.testkit.kv.RecordingKvClient;
import dev.ds.testkit.linearizability.CheckResult;
import dev.ds.testkit.linearizability.LinearizabilityChecker;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three Paxos key/value replicas as users run them (real Spring contexts, RocksDB, HTTP): five
 * clients through the client library while one replica is cut off, then while every replica drops
 * requests and replies, all through the chaos API (the recorded history is linearizable and every
 * append is there once); a whole group restarted on its data dirs; one replica's disk wiped.
 */
class PaxosKvHttpTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dataDirs;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final HttpRpcClient rpc = new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS);

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        rpc.close();
    }

    @Test
    void fiveClientsThroughAPartitionAndHealStayLinearizable() throws Exception {
        List<Integer> ports = LocalHttp.freePorts(3);
        List<String> peers = LocalHttp.baseUrls(ports);
        for (int i = 0; i < 3; i++) {
            nodes.add(new SpringApplicationBuilder(PaxosKvApplication.class).run(
                    "--server.port=" + ports.get(i), "--node.peers=" + String.join(",", peers), "--node.me=" + i,
                    "--node.data-dir=" + dataDirs.resolve("n" + i), "--chaos.enabled=true",
                    "--paxoskv.op-timeout=1s"));
        }
        // A new group votes from its first second; wait until each replica says so.
        for (String peer : peers) {
            Await.until(peer + " voting", DEADLINE, () -> LocalHttp.get(peer + "/actuator/health").contains("\"voting\":true"));
        }
        HistoryRecorder recorder = new HistoryRecorder();
        int clients = 5;
        int rounds = 16;
        AtomicInteger completed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                List<String> order = new ArrayList<>(peers);
                Collections.rotate(order, -client);
                KvClient ck = new RecordingKvClient(new PaxosKvClient(rpc, order, new Retry(DEADLINE), "c" + client),
                        recorder, client);
                for (int i = 0; i < rounds; i++) {
                    ck.append("log", Appends.element(client, i));
                    ck.get("log");
                    completed.incrementAndGet();
                }
            }));
        }
        // Phase 1: cut replica 0 off from the others, on both sides, while the clients run.
        chaos(peers.get(0), "{\"blockedPeers\": [\"" + peers.get(1) + "\", \"" + peers.get(2) + "\"]}");
        chaos(peers.get(1), "{\"blockedPeers\": [\"" + peers.get(0) + "\"]}");
        chaos(peers.get(2), "{\"blockedPeers\": [\"" + peers.get(0) + "\"]}");
        done.get(0).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        // Phase 2: heal, and make every replica's network unreliable: requests and replies dropped.
        int beforeUnreliable = completed.get();
        peers.forEach(peer -> chaos(peer, "{\"dropRequestRate\": 0.1, \"dropReplyRate\": 0.1}"));
        Await.until("clients progressing on an unreliable network", DEADLINE,
                () -> completed.get() >= Math.min(beforeUnreliable + 12, clients * rounds));
        peers.forEach(peer -> chaos(peer, null));
        for (Future<?> f : done) {
            f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        pool.shutdownNow();

        CheckResult result = LinearizabilityChecker.check(recorder.history(), Duration.ofSeconds(10));
        assertThat(result.isOk()).as("%s", result).isTrue();
        String value = new PaxosKvClient(rpc, peers, new Retry(DEADLINE), "reader").get("log").orElseThrow();
        for (int c = 0; c < clients; c++) {
            Appends.check(value, c, rounds);
        }
        assertThat(LocalHttp.get(peers.get(0) + "/actuator/prometheus"))
                .as("the cut-off replica timed out rather than answer alone")
                .contains("outcome=\"ErrTimeout\"");
        assertThat(LocalHttp.get(peers.get(0) + "/actuator/paxos"))
                .contains("\"min\"", "\"max\"", "\"retained\"");
    }

    @Test
    void allReplicasStoppedAndRestartedOnTheirDataDirsKeepEveryAcknowledgedWrite() throws Exception {
        List<Integer> ports = LocalHttp.freePorts(3);
        List<String> peers = LocalHttp.baseUrls(ports);
        PaxosKvClient writer = startGroupWithFortyKeys(ports, peers);
        writer.append("key0", "+");
        // The early instances forgotten everywhere: a restart can only recover them from snapshots.
        forgetEarlyInstances(peers, 16);
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();

        startGroup(ports, peers);
        PaxosKvClient reader = new PaxosKvClient(rpc, List.of(peers.get(2), peers.get(0), peers.get(1)),
                new Retry(DEADLINE), "reader");
        assertThat(reader.get("key0")).contains("value0+");
        for (int i = 1; i < 40; i++) {
            assertThat(reader.get("key" + i)).as("key%d after the restart", i).contains("value" + i);
        }
        writer.append("key0", "+");
        assertThat(reader.get("key0")).as("the writer's next write after the restart").contains("value0++");
    }

    @Test
    void aWipedReplicaRejoinsAndCatchesUpBySnapshotTransfer() throws Exception {
        List<Integer> ports = LocalHttp.freePorts(3);
        List<String> peers = LocalHttp.baseUrls(ports);
        PaxosKvClient writer = startGroupWithFortyKeys(ports, peers);
        forgetEarlyInstances(peers, 16);

        // Replica 2 loses its disk: stopped, its data dir deleted, started again empty, as an
        // existing member (the lost-disk rule).
        nodes.remove(2).close();
        DataDirs.wipe(dataDirs.resolve("r2"));
        for (int i = 40; i < 50; i++) {
            writer.put("key" + i, "value" + i);
        }
        nodes.add(startNode(ports, peers, 2, "--node.initial-cluster-state=existing"));
        String wiped = peers.get(2);
        Await.until(wiped + " ready after catching up", DEADLINE,
                () -> LocalHttp.get(wiped + "/actuator/health/readiness")
                        .contains("\"UP\""));
        assertThat(paxosMin(wiped)).as("the instances it missed are forgotten: only a snapshot could bring them")
                .isGreaterThanOrEqualTo(16);
        PaxosKvClient throughWiped = new PaxosKvClient(rpc, List.of(wiped), new Retry(DEADLINE), "reader");
        for (int i = 0; i < 50; i++) {
            assertThat(throughWiped.get("key" + i)).as("key%d through the wiped replica", i).contains("value" + i);
        }
        assertThat(LocalHttp.get(wiped + "/actuator/prometheus"))
                .as("the catch-up is visible to an operator").containsPattern("paxoskv_snapshot_installs_total(\\{[^}]*})? [1-9]");
        throughWiped.put("after", "wipe");
        assertThat(writer.get("after")).contains("wipe");
    }

    private PaxosKvClient startGroupWithFortyKeys(List<Integer> ports, List<String> peers) {
        startGroup(ports, peers);
        PaxosKvClient writer = new PaxosKvClient(rpc, peers, new Retry(DEADLINE), "writer");
        for (int i = 0; i < 40; i++) {
            writer.put("key" + i, "value" + i);
        }
        return writer;
    }

    @Test
    void theStatusPageShowsTheReplicaAndItsPaxosLogInABrowser() throws Exception {
        Optional<HeadlessChromium> browser = HeadlessChromium.find();
        Assumptions.assumeTrue(browser.isPresent(), "no chromium installed: the status page is not rendered");
        List<Integer> ports = LocalHttp.freePorts(3);
        List<String> peers = LocalHttp.baseUrls(ports);
        startGroupWithFortyKeys(ports, peers);

        String dom = browser.get().dumpDom(peers.get(0) + "/");
        assertThat(dom).as("the page rendered the node's health components")
                .contains("id=\"component-paxosKv\"", "id=\"component-paxos\"", "applied", "voting", "retained")
                .containsPattern("id=\"ready\" class=\"badge UP\"");
        Matcher applied = Pattern.compile("<td>applied</td><td>(\\d+)</td>").matcher(dom);
        assertThat(applied.find()).as("the applied instance is on the page: %s", dom).isTrue();
        assertThat(Long.parseLong(applied.group(1))).as("forty puts applied").isGreaterThanOrEqualTo(39);
        browser.get().screenshot(peers.get(0) + "/", HeadlessChromium.screenshotDir().resolve("status-page-paxos-kv.png"),
                1100, 700);
    }

    /**
     * Makes every replica's log forget the instances below {@code below}. Done values travel on
     * Paxos messages, so each replica must propose (a read through it) to hear the others' and forget.
     */
    private void forgetEarlyInstances(List<String> peers, long below) {
        for (String peer : peers) {
            PaxosKvClient through = new PaxosKvClient(rpc, List.of(peer), new Retry(DEADLINE), "through-" + peer);
            Await.until(peer + " forgetting instances below " + below, DEADLINE, () -> {
                through.get("key1");
                return paxosMin(peer) >= below;
            });
        }
    }


    private long paxosMin(String peer) {
        String body = LocalHttp.get(peer + "/actuator/paxos");
        Matcher min = Pattern.compile("\"min\":(\\d+)").matcher(body);
        return min.find() ? Long.parseLong(min.group(1)) : -1;
    }

    /** Starts (or restarts) the group on its data dirs, snapshotting often, and waits until every replica votes. */
    private void startGroup(List<Integer> ports, List<String> peers) {
        for (int i = 0; i < ports.size(); i++) {
            nodes.add(startNode(ports, peers, i));
        }
        for (String peer : peers) {
            Await.until(peer + " voting", DEADLINE, () -> LocalHttp.get(peer + "/actuator/health").contains("\"voting\":true"));
        }
    }

    private ConfigurableApplicationContext startNode(List<Integer> ports, List<String> peers, int i, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + ports.get(i), "--node.peers=" + String.join(",", peers), "--node.me=" + i,
                "--node.data-dir=" + dataDirs.resolve("r" + i), "--paxoskv.snapshot-every=8"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PaxosKvApplication.class).run(args.toArray(String[]::new));
    }

    private void chaos(String node, String faults) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/admin/chaos"));
        LocalHttp.send(faults == null ? request.DELETE().build() : request.PUT(HttpRequest.BodyPublishers.ofString(faults))
                .header("Content-Type", "application/json").build());
    }

}
