package dev.ds.paxoskv.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.client.Retry;
import dev.ds.client.kv.KvClient;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.history.HistoryRecorder;
import dev.ds.testkit.kv.Appends;
import dev.ds.testkit.kv.RecordingKvClient;
import dev.ds.testkit.linearizability.CheckResult;
import dev.ds.testkit.linearizability.LinearizabilityChecker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three Paxos key/value replicas as users run them (real Spring contexts, RocksDB, HTTP), five
 * clients through the client library, and one replica cut off and healed through the chaos API
 * meanwhile: the recorded history is linearizable and every append is there once.
 */
class PaxosKvHttpTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dataDirs;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final HttpRpcClient rpc = new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        rpc.close();
    }

    @Test
    void fiveClientsThroughAPartitionAndHealStayLinearizable() throws Exception {
        List<String> peers = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            ports.add(port);
            peers.add("http://127.0.0.1:" + port);
        }
        for (int i = 0; i < 3; i++) {
            nodes.add(new SpringApplicationBuilder(PaxosKvApplication.class).run(
                    "--server.port=" + ports.get(i), "--node.peers=" + String.join(",", peers), "--node.me=" + i,
                    "--node.data-dir=" + dataDirs.resolve("n" + i), "--chaos.enabled=true",
                    "--paxoskv.op-timeout=1s"));
        }
        // A fresh group first finishes its start-up rejoin, which needs every replica (paxos/README).
        for (String peer : peers) {
            Await.until(peer + " voting", DEADLINE, () -> send(HttpRequest.newBuilder(URI.create(peer + "/actuator/health"))
                    .build()).contains("\"voting\":true"));
        }
        HistoryRecorder recorder = new HistoryRecorder();
        int clients = 5;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                List<String> order = new ArrayList<>(peers);
                Collections.rotate(order, -client);
                KvClient ck = new RecordingKvClient(new PaxosKvClient(rpc, order, new Retry(DEADLINE), "c" + client),
                        recorder, client);
                for (int i = 0; i < 12; i++) {
                    ck.append("log", Appends.element(client, i));
                    ck.get("log");
                }
            }));
        }
        // Cut replica 0 off from the others, on both sides, while the clients run; then heal.
        chaos(peers.get(0), "{\"blockedPeers\": [\"" + peers.get(1) + "\", \"" + peers.get(2) + "\"]}");
        chaos(peers.get(1), "{\"blockedPeers\": [\"" + peers.get(0) + "\"]}");
        chaos(peers.get(2), "{\"blockedPeers\": [\"" + peers.get(0) + "\"]}");
        done.get(0).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        peers.forEach(peer -> chaos(peer, null));
        for (Future<?> f : done) {
            f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        pool.shutdownNow();

        CheckResult result = LinearizabilityChecker.check(recorder.history(), Duration.ofSeconds(10));
        assertThat(result.isOk()).as("%s", result).isTrue();
        String value = new PaxosKvClient(rpc, peers, new Retry(DEADLINE), "reader").get("log").orElseThrow();
        for (int c = 0; c < clients; c++) {
            Appends.check(value, c, 12);
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(peers.get(0) + "/actuator/prometheus")).build()))
                .as("the cut-off replica timed out rather than answer alone")
                .contains("outcome=\"ErrTimeout\"");
        assertThat(send(HttpRequest.newBuilder(URI.create(peers.get(0) + "/actuator/paxos")).build()))
                .contains("\"min\"", "\"max\"", "\"retained\"");
    }

    @Test
    void allReplicasStoppedAndRestartedOnTheirDataDirsKeepEveryAcknowledgedWrite() throws Exception {
        List<Integer> ports = List.of(freePort(), freePort(), freePort());
        List<String> peers = ports.stream().map(port -> "http://127.0.0.1:" + port).toList();
        startGroup(ports, peers);
        PaxosKvClient writer = new PaxosKvClient(rpc, peers, new Retry(DEADLINE), "writer");
        for (int i = 0; i < 40; i++) {
            writer.put("key" + i, "value" + i);
        }
        writer.append("key0", "+");
        // Make every replica's log forget the early instances, so a restart can only recover them
        // from snapshots. Done values travel on Paxos messages, so each replica must propose (a read
        // through it) to hear the others' and forget.
        for (String peer : peers) {
            PaxosKvClient through = new PaxosKvClient(rpc, List.of(peer), new Retry(DEADLINE), "through-" + peer);
            Await.until(peer + " forgetting instances below 16", DEADLINE, () -> {
                through.get("key1");
                return paxosMin(peer) >= 16;
            });
        }
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

    private long paxosMin(String peer) {
        String body = send(HttpRequest.newBuilder(URI.create(peer + "/actuator/paxos")).build());
        Matcher min = Pattern.compile("\"min\":(\\d+)").matcher(body);
        return min.find() ? Long.parseLong(min.group(1)) : -1;
    }

    /** Starts (or restarts) the group on its data dirs, snapshotting often, and waits until every replica votes. */
    private void startGroup(List<Integer> ports, List<String> peers) {
        for (int i = 0; i < ports.size(); i++) {
            nodes.add(new SpringApplicationBuilder(PaxosKvApplication.class).run(
                    "--server.port=" + ports.get(i), "--node.peers=" + String.join(",", peers), "--node.me=" + i,
                    "--node.data-dir=" + dataDirs.resolve("r" + i), "--paxoskv.snapshot-every=8"));
        }
        for (String peer : peers) {
            Await.until(peer + " voting", DEADLINE, () -> send(HttpRequest.newBuilder(URI.create(peer + "/actuator/health"))
                    .build()).contains("\"voting\":true"));
        }
    }

    private void chaos(String node, String faults) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/admin/chaos"));
        send(faults == null ? request.DELETE().build() : request.PUT(HttpRequest.BodyPublishers.ofString(faults))
                .header("Content-Type", "application/json").build());
    }

    private String send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
