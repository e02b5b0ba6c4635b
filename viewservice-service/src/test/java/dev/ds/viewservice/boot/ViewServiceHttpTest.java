package dev.ds.viewservice.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.view.View;
import dev.ds.client.view.ViewServiceClient;
import dev.ds.testkit.cluster.Await;
import dev.ds.viewservice.Pinger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The view service as users run it: a real Spring context on a random port, servers pinging over
 * HTTP through the client library. First primary, first backup, then failover when the primary
 * stops pinging; health and metrics follow the protocol state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"role=viewservice", "viewservice.ping-interval=50ms", "viewservice.dead-pings=5"})
class ViewServiceHttpTest {

    private static final Duration PING_INTERVAL = Duration.ofMillis(50);
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void firstPrimaryFirstBackupAndFailoverOverHttp() {
        String base = "http://127.0.0.1:" + port;
        ViewServiceClient client = ViewServiceClient.overHttp(base);
        String s1 = "http://127.0.0.1:9101";
        String s2 = "http://127.0.0.1:9102";

        try (Pinger first = new Pinger(client, s1, PING_INTERVAL)) {
            Await.until("first primary", DEADLINE, () -> s1.equals(client.view().primary()));
            assertThat(client.view()).isEqualTo(new View(1, s1, null));

            try (Pinger second = new Pinger(client, s2, PING_INTERVAL)) {
                Await.until("first backup", DEADLINE, () -> s2.equals(client.view().backup()));
                assertThat(client.view()).isEqualTo(new View(2, s1, s2));
                Await.until("the primary acknowledges view 2", DEADLINE,
                        () -> get(base + "/actuator/health").contains("\"primaryAcked\":true"));

                first.close();
                Await.until("failover to the backup", DEADLINE, () -> s2.equals(client.view().primary()));
                assertThat(client.view()).isEqualTo(new View(3, s2, null));
                assertThat(second.latest().viewnum()).isGreaterThanOrEqualTo(2);
            }
        }
        assertThat(get(base + "/actuator/health")).contains("\"viewnum\":3", "\"primary\":\"" + s2 + "\"");
        assertThat(get(base + "/actuator/prometheus"))
                .contains("viewservice_viewnum 3.0", "viewservice_view_changes_total 3.0", "viewservice_pings_total");
        assertThat(get(base + "/v3/api-docs")).contains("/api/viewservice/ping", "/api/viewservice/view");
    }

    private String get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
