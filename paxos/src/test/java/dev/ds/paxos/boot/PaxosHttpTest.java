package dev.ds.paxos.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.Paxos;
import dev.ds.paxos.ValueCodec;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.rpc.Wire;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three real nodes on HTTP, each on its own RocksDB folder, started as a service starts them: they
 * find out together that they are a new group, agree through the internal endpoints (Feign over
 * HttpClient 5), and report on {@code /actuator/paxos}, health and metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaxosHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDirs;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private List<Integer> ports;

    @BeforeAll
    void startGroup() {
        ports = LocalHttp.freePorts(3);
        String peers = ports.stream().map(p -> "http://127.0.0.1:" + p).collect(Collectors.joining(","));
        for (int i = 0; i < 3; i++) {
            nodes.add(new SpringApplicationBuilder(PaxosNodeApplication.class).properties(
                    "server.address=127.0.0.1", "server.port=" + ports.get(i), "node.peers=" + peers, "node.me=" + i,
                    "node.data-dir=" + dataDirs.resolve("node-" + i), "spring.application.name=paxos-" + i).run());
        }
    }

    @AfterAll
    void stopGroup() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void agreesOverHttpAndReportsItsState() throws Exception {
        List<Paxos<String>> px = IntStream.range(0, 3)
                .mapToObj(i -> new Paxos<>(nodes.get(i).getBean(PaxosPeer.class), ValueCodec.json(String.class))).toList();
        px.get(0).start(0, "hello");
        px.get(2).start(1, "world");
        Await.until("two instances decided on every node", WAIT, () -> px.stream()
                .allMatch(p -> p.status(0).isDecided() && p.status(1).isDecided()));
        for (Paxos<String> p : px) {
            assertThat(p.status(0).value()).isEqualTo("hello");
            assertThat(p.status(1).value()).isEqualTo("world");
        }

        assertThat(getJson(1, "/actuator/paxos")).isEqualTo(Map.of("min", 0, "max", 1, "retained", 2));
        Map<?, ?> health = getJson(1, "/actuator/health");
        assertThat(health.get("status")).isEqualTo("UP");
        // A new group's members vote at once, and node 1 has heard from both others: it is ready.
        assertThat(health.toString()).contains("voting=true", "standing=voting");
        Await.until("node 1 ready: voting, and a majority answers it", WAIT, () -> status(1, "/actuator/health/paxos") == 200);
        assertThat(count(0, "paxos.instances.decided")).isEqualTo(2);
        assertThat(count(0, "paxos.rpc.sent?tag=type:accept&tag=outcome:reply")).isGreaterThanOrEqualTo(2);
        assertThat(count(1, "http.server.requests?tag=uri:/internal/paxos/accept")).isGreaterThanOrEqualTo(1);
    }

    private Map<?, ?> getJson(int node, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ports.get(node) + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Wire.mapper().readValue(response.body(), Map.class);
    }

    private int status(int node, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(node) + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private double count(int node, String metric) throws IOException, InterruptedException {
        List<?> measurements = (List<?>) getJson(node, "/actuator/metrics/" + metric).get("measurements");
        return ((Number) ((Map<?, ?>) measurements.get(0)).get("value")).doubleValue();
    }

}
