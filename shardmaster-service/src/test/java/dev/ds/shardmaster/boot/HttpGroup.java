package dev.ds.shardmaster.boot;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.Retry;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.http.LocalHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A shard master group as users run it: one replica per port, each on its own data dir, every one
 * started with the same {@code node.peers}, spoken to over real HTTP. How a replica runs (a Spring
 * context in this JVM, or a JVM of its own) is the {@link Launcher}'s business; the group keeps the
 * ports and data dirs, so a stopped group starts again on the same ones.
 */
final class HttpGroup implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    /** Starts one replica with these command-line arguments; closing what it returns stops the replica. */
    @FunctionalInterface
    interface Launcher {
        AutoCloseable start(List<String> args) throws Exception;
    }

    /** An answer of one replica: the HTTP status and the body. */
    record Answer(int status, String body) {

        Config config() {
            return Wire.mapper().readValue(body, Config.class);
        }
    }

    final List<String> urls;
    private final List<Integer> ports;
    private final Path dataDirs;
    private final List<String> settings;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final HttpRpcClient rpc = new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** {@code n} replicas on free ports with data dirs under {@code dataDirs} and these extra settings. */
    HttpGroup(int n, Path dataDirs, String... settings) {
        this.ports = LocalHttp.freePorts(n);
        this.urls = ports.stream().map(port -> "http://127.0.0.1:" + port).toList();
        this.dataDirs = dataDirs;
        this.settings = List.of(settings);
    }

    /** Starts every replica and waits until each votes (at once in a new group, paxos/README). */
    void start(Launcher launcher) throws Exception {
        for (int i = 0; i < ports.size(); i++) {
            List<String> args = new ArrayList<>(List.of("--server.port=" + ports.get(i),
                    "--node.peers=" + String.join(",", urls), "--node.me=" + i, "--node.data-dir=" + dataDir(i)));
            args.addAll(settings);
            running.add(launcher.start(args));
        }
        for (String url : urls) {
            Await.until(url + " voting", DEADLINE, () -> get(url, "/actuator/health").body().contains("\"voting\":true"));
        }
    }

    /** Stops every replica the way the launcher's handles stop; the data dirs stay. */
    void stop() throws Exception {
        for (AutoCloseable node : running) {
            node.close();
        }
        running.clear();
    }

    Path dataDir(int replica) {
        return dataDirs.resolve("sm" + replica);
    }

    /** A client that knows the given replicas, in this order (all of them when none are given). */
    ShardMasterClient client(String name, Integer... replicas) {
        List<String> known = replicas.length == 0 ? urls : Arrays.stream(replicas).map(urls::get).toList();
        return new ShardMasterClient(rpc, known, new Retry(DEADLINE), name);
    }

    /** Configuration {@code num} (-1: the latest) asked of one replica directly, no retry, no other replica. */
    Answer config(int replica, long num) {
        return get(urls.get(replica), num == -1 ? "/api/shardmaster/config" : "/api/shardmaster/config/" + num);
    }

    /** Cuts {@code alone} off from every other replica through the chaos API, on both sides. */
    void isolate(int alone) {
        for (int i = 0; i < urls.size(); i++) {
            List<String> blocked = i == alone ? urls.stream().filter(url -> !url.equals(urls.get(alone))).toList()
                    : List.of(urls.get(alone));
            chaos(urls.get(i), HttpRequest.BodyPublishers.ofString(
                    "{\"blockedPeers\": " + Wire.mapper().writeValueAsString(blocked) + "}"));
        }
    }

    /** One-way: {@code from} can no longer send to {@code to}, which can still send to it. */
    void block(int from, int to) {
        chaos(urls.get(from), HttpRequest.BodyPublishers.ofString(
                "{\"blockedPeers\": " + Wire.mapper().writeValueAsString(List.of(urls.get(to))) + "}"));
    }

    /** Clears every replica's faults. */
    void heal() {
        urls.forEach(url -> chaos(url, null));
    }

    private void chaos(String url, HttpRequest.BodyPublisher faults) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/admin/chaos"));
        Answer answer = send(faults == null ? request.DELETE().build()
                : request.PUT(faults).header("Content-Type", "application/json").build());
        if (answer.status() / 100 != 2) {
            throw new AssertionError("chaos at " + url + " answered " + answer);
        }
    }

    private Answer get(String url, String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).timeout(DEADLINE).build());
    }

    /** Sends one request; a refused or broken connection is status 0, so a poll can go on. */
    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString());
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            rpc.close();
        }
    }
}
