package dev.ds.viewservice.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.view.View;
import dev.ds.client.Retry;
import dev.ds.client.pb.PbClient;
import dev.ds.client.view.ViewServiceClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import dev.ds.testkit.browser.HeadlessChromium;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.kv.Appends;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The primary/backup store as users run it: a view service and three pb servers, each a real
 * Spring context on its own port in this JVM, talking HTTP; clients use the client library.
 */
class PbHttpTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final Map<String, ConfigurableApplicationContext> nodes = new LinkedHashMap<>();
    private final HttpRpcClient rpc = new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS);
    private String viewService;

    @AfterEach
    void stopAll() {
        nodes.values().forEach(ConfigurableApplicationContext::close);
        rpc.close();
    }

    @Test
    void primaryKilledUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        List<String> servers = startCluster(3);
        ViewServiceClient views = new ViewServiceClient(rpc, viewService);
        Await.until("a primary with a backup", DEADLINE, () -> {
            View v = views.view();
            return v.primary() != null && v.backup() != null && health(v.primary()).contains("\"serving\":true");
        });

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            writers.add(load.submit(() -> {
                PbClient ck = new PbClient(rpc, viewService, new Retry(DEADLINE), "load-" + client);
                for (int i = 0; i < 60; i++) {
                    String key = "k" + client + "-" + i;
                    ck.put(key, "v" + i);
                    acknowledged.put(key, "v" + i);
                }
            }));
        }
        Await.until("some writes acknowledged", DEADLINE, () -> acknowledged.size() >= 40);
        View before = views.view();
        assertThat(status(before.primary() + "/actuator/health/readiness")).as("the primary is ready").isEqualTo(200);
        assertThat(status(before.backup() + "/actuator/health/readiness")).as("a backup is not").isEqualTo(503);
        assertThat(status(before.backup() + "/actuator/health")).as("but it is up").isEqualTo(200);
        String oldPrimary = before.primary();
        nodes.remove(oldPrimary).close();
        for (Future<?> writer : writers) {
            writer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        load.shutdownNow();

        View after = views.view();
        assertThat(after.primary()).as("a backup took over").isNotEqualTo(oldPrimary).isIn(servers);
        PbClient reader = new PbClient(rpc, viewService, new Retry(DEADLINE), "reader");
        assertThat(acknowledged).hasSize(240);
        acknowledged.forEach((key, value) -> assertThat(reader.get(key)).as(key).contains(value));
    }

    @Test
    void theStatusPagesShowThePrimaryAndTheBackupInABrowser() throws Exception {
        Optional<HeadlessChromium> browser = HeadlessChromium.find();
        Assumptions.assumeTrue(browser.isPresent(), "no chromium installed: the status page is not rendered");
        startCluster(2);
        ViewServiceClient views = new ViewServiceClient(rpc, viewService);
        Await.until("a primary with a backup", DEADLINE, () -> {
            View v = views.view();
            return v.primary() != null && v.backup() != null && health(v.primary()).contains("\"serving\":true");
        });
        View view = views.view();
        new PbClient(rpc, viewService, new Retry(DEADLINE), "page").put("greeting", "hello");

        String primary = browser.get().dumpDom(view.primary() + "/");
        assertThat(primary).as("the primary's page")
                .contains("id=\"component-pbServer\"", "<td>role</td><td>primary</td>", "<td>keys</td><td>1</td>")
                .containsPattern("id=\"ready\" class=\"badge UP\"");
        String backup = browser.get().dumpDom(view.backup() + "/");
        assertThat(backup).as("the backup's page: up, but not ready (only the primary serves)")
                .contains("<td>role</td><td>backup</td>")
                .containsPattern("id=\"status\" class=\"badge UP\"")
                .containsPattern("id=\"ready\" class=\"badge OUT_OF_SERVICE\"");
        String viewPage = browser.get().dumpDom(viewService + "/");
        assertThat(viewPage).as("the view service's page").contains("id=\"component-viewService\"", "primaryAcked");
        browser.get().screenshot(view.primary() + "/", HeadlessChromium.screenshotDir().resolve("status-page-8001.png"),
                1100, 600);
        browser.get().screenshot(view.backup() + "/", HeadlessChromium.screenshotDir().resolve("status-page-8002.png"),
                1100, 600);
    }

    @Test
    void appendsWithDroppedRepliesAreAppliedExactlyOnce() throws Exception {
        startCluster(2);
        ViewServiceClient views = new ViewServiceClient(rpc, viewService);
        Await.until("a primary with a backup", DEADLINE, () -> {
            View v = views.view();
            return v.primary() != null && v.backup() != null && health(v.primary()).contains("\"serving\":true");
        });
        String primary = views.view().primary();
        chaos(primary, "{\"dropReplyRate\": 0.4}");

        PbClient ck = new PbClient(rpc, viewService, new Retry(DEADLINE), "appender");
        for (int i = 0; i < 30; i++) {
            ck.append("log", Appends.element(0, i));
        }
        chaos(primary, null);
        String value = ck.get("log").orElseThrow();
        Appends.check(value, 0, 30);
        assertThat(value).hasSize(IntStream.range(0, 30).map(i -> Appends.element(0, i).length()).sum());
        assertThat(appendsAnswered(primary)).as("dropped replies made the client send appends again").isGreaterThan(30);

        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(URI.create(primary + "/api/kv/" + "k".repeat(1025)))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": \"v\"}")).header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"code\":\"ErrTooLarge\"", "kv.max-key-bytes");
    }

    // ---- cluster ----

    private List<String> startCluster(int pbServers) throws IOException {
        int vsPort = freePort();
        viewService = "http://127.0.0.1:" + vsPort;
        nodes.put(viewService, start("--role=viewservice", "--server.port=" + vsPort));
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < pbServers; i++) {
            int port = freePort();
            String self = "http://127.0.0.1:" + port;
            nodes.put(self, start("--role=pbserver", "--server.port=" + port, "--node.self=" + self,
                    "--viewservice.url=" + viewService, "--chaos.enabled=true"));
            servers.add(self);
        }
        return servers;
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ViewServiceApplication.class).run(args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---- HTTP helpers ----

    private final HttpClient http = HttpClient.newHttpClient();

    private String health(String node) {
        return send(HttpRequest.newBuilder(URI.create(node + "/actuator/health")).build());
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String prometheus(String node) {
        return send(HttpRequest.newBuilder(URI.create(node + "/actuator/prometheus")).build());
    }

    /** How many appends the node answered with success, from its Prometheus metrics. */
    private double appendsAnswered(String node) {
        Matcher count = Pattern.compile("kv_ops_seconds_count\\{outcome=\"ok\",type=\"append\"} ([0-9.]+)")
                .matcher(prometheus(node));
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }

    private void chaos(String node, String faults) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/admin/chaos"));
        send(faults == null ? request.DELETE().build()
                : request.PUT(HttpRequest.BodyPublishers.ofString(faults)).header("Content-Type", "application/json").build());
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
}
