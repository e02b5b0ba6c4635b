package dev.ds.shardkv.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvClient;
import dev.ds.api.shardkv.ShardKeys;
import dev.ds.client.shardkv.ShardKvClient;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import dev.ds.shardmaster.boot.ShardMasterApplication;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.browser.HeadlessChromium;
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
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three shard masters and two shardkv groups of three, as users run them (real Spring contexts,
 * RocksDB, HTTP), in one JVM. Clients append and read through the client library while the test
 * joins, leaves and moves shards, with every shardkv node losing requests and replies through the
 * chaos API: the recorded history is linearizable and every append is there once.
 */
class ShardKvHttpTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String UNRELIABLE = "{\"dropRequestRate\": 0.05, \"dropReplyRate\": 0.05}";

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
    void joinsLeavesAndMovesUnderAnUnreliableNetworkStayLinearizable() throws Exception {
        Random random = new Random(Seeds.seed("shardkv-http"));
        List<String> masters = urls(3);
        for (int i = 0; i < masters.size(); i++) {
            start(ShardMasterApplication.class, masters, i, "sm" + i);
        }
        List<List<String>> groups = List.of(urls(3), urls(3));
        for (int g = 0; g < groups.size(); g++) {
            for (int i = 0; i < 3; i++) {
                start(ShardKvApplication.class, groups.get(g), i, "g" + g + "-" + i, "--shardkv.gid=" + gid(g),
                        "--shardkv.shardmasters=" + String.join(",", masters), "--shardkv.poll-interval=50ms",
                        "--shardkv.op-timeout=1s", "--shardkv.snapshot-every=16");
            }
        }
        List<String> everyNode = new ArrayList<>(masters);
        groups.forEach(everyNode::addAll);
        for (String node : everyNode) {
            Await.until(node + " voting", DEADLINE, () -> get(node + "/actuator/health").contains("\"voting\":true"));
        }

        ShardMasterClient admin = new ShardMasterClient(rpc, masters, new Retry(DEADLINE), "admin");
        admin.join(gid(0), groups.get(0));
        groups.forEach(group -> group.forEach(node -> chaos(node, UNRELIABLE)));

        HistoryRecorder recorder = new HistoryRecorder();
        List<String> keys = List.of("alpha", "beta", "gamma");
        int clients = 4;
        int appends = 10;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                KvClient ck = new RecordingKvClient(new ShardKvClient(rpc, masters, new Retry(DEADLINE), "c" + client),
                        recorder, client);
                String key = keys.get(client % keys.size());
                for (int i = 0; i < appends; i++) {
                    ck.append(key, Appends.element(client, i));
                    ck.get(key);
                }
            }));
        }
        CompletableFuture<Void> reconfigurations = CompletableFuture.runAsync(() -> {
            admin.join(gid(1), groups.get(1));
            pause();
            admin.move(random.nextInt(10), gid(0));
            pause();
            admin.leave(gid(0));
            pause();
            admin.join(gid(0), groups.get(0));
            pause();
            admin.move(ShardKeys.shardOf(keys.get(0), 10), gid(1));
        });
        try {
            reconfigurations.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            for (Future<?> f : running) {
                f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        groups.forEach(group -> group.forEach(node -> chaos(node, null)));

        CheckResult result = LinearizabilityChecker.check(recorder.history(), Duration.ofSeconds(10));
        assertThat(result.isOk()).as("%s", result).isTrue();
        ShardKvClient reader = new ShardKvClient(rpc, masters, new Retry(DEADLINE), "reader");
        for (int c = 0; c < clients; c++) {
            Appends.check(reader.get(keys.get(c % keys.size())).orElseThrow(), c, appends);
        }
        Config latest = admin.latest();
        for (List<String> group : groups) {
            for (String node : group) {
                Await.until(node + " at configuration " + latest.num(), DEADLINE,
                        () -> get(node + "/actuator/health").contains("\"config\":" + latest.num()));
            }
        }
        statusPageShowsTheConfiguration(groups.get(0).get(0), latest.num());
        assertThat(get(groups.get(1).get(0) + "/actuator/prometheus"))
                .contains("shardkv_config", "shardkv_shards{state=\"pulling\"}", "shardkv_migration_bytes_total");
        wrongGroupWhenTheOwnerCannotBeReached(latest, keys.get(1), groups);
    }

    /** The node's status page, rendered in headless Chromium where it is installed, shows its configuration and shards. */
    private void statusPageShowsTheConfiguration(String node, long config) throws Exception {
        Optional<HeadlessChromium> browser = HeadlessChromium.find();
        if (browser.isEmpty()) {
            return;
        }
        String dom = browser.get().dumpDom(node + "/");
        assertThat(dom).as("the status page of %s", node)
                .contains("id=\"component-shardKv\"", "<td>config</td><td>" + config + "</td>", "<td>serving</td>",
                        "<td>pulling</td>", "id=\"component-paxos\"");
        browser.get().screenshot(node + "/", HeadlessChromium.screenshotDir().resolve("status-page-shardkv.png"), 1100, 600);
    }

    /** A node cut off from the key's owner cannot forward, so it answers 421 ErrWrongGroup with shard and gid. */
    private void wrongGroupWhenTheOwnerCannotBeReached(Config latest, String key, List<List<String>> groups) {
        int shard = ShardKeys.shardOf(key, 10);
        long owner = latest.owner(shard);
        List<String> other = groups.get(owner == gid(0) ? 1 : 0);
        List<String> owners = latest.groups().get(owner);
        chaos(other.get(0), "{\"blockedPeers\": [\"" + String.join("\", \"", owners) + "\"]}");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(other.get(0) + "/api/kv/" + key)).build());
        assertThat(response.statusCode()).isEqualTo(421);
        assertThat(response.body()).contains("\"code\":\"ErrWrongGroup\"", "\"shard\":" + shard, "\"gid\":" + owner);
        chaos(other.get(0), null);
    }

    private static long gid(int group) {
        return 100 + group;
    }

    private void start(Class<?> application, List<String> peers, int me, String dir, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + URI.create(peers.get(me)).getPort(),
                "--node.peers=" + String.join(",", peers), "--node.me=" + me,
                "--node.data-dir=" + dataDirs.resolve(dir), "--chaos.enabled=true"));
        args.addAll(List.of(more));
        nodes.add(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
    }

    /** A bounded pause between reconfigurations, so that clients run against each configuration. */
    private static void pause() {
        LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
    }

    private void chaos(String node, String faults) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/admin/chaos"));
        send(faults == null ? request.DELETE().build() : request.PUT(HttpRequest.BodyPublishers.ofString(faults))
                .header("Content-Type", "application/json").build());
    }

    private String get(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).build());
        return response == null ? "" : response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<String> urls(int n) throws IOException {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                urls.add("http://127.0.0.1:" + socket.getLocalPort());
            }
        }
        return urls;
    }
}
