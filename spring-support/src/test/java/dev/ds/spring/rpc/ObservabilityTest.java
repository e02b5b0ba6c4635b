package dev.ds.spring.rpc;

import static dev.ds.spring.testapp.NodeHttp.withSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ds.rpc.RpcClient;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import dev.ds.spring.testapp.TestApi;
import dev.ds.spring.testapp.TestApi.Echo;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an operator can read off a node: latency histograms (for p50, p99, p999 in Grafana) for
 * every endpoint it serves and every call it makes to a peer, and the loggers endpoint to change
 * a log level on a running node.
 */
@ChaosNode
class ObservabilityTest extends NodeTest {

    @Autowired
    RpcClient rpc;

    @Test
    void servedAndOutboundCallsHaveLatencyHistograms() throws IOException {
        assertThat(http.post("/internal/echo", "{\"text\": \"m\", \"n\": 1}", withSecret()).status()).isEqualTo(200);
        rpc.call(http.baseUrl(), TestApi.INTERNAL_ECHO, new Echo("out", 1));

        // The served request's observation is stopped after its answer is written, so it may trail.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(http.get("/actuator/prometheus").body())
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/internal/echo\"[^}]*le=\"0\\.0[0-9]*\"\\}")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/internal/echo\"[^}]*le=\"\\+Inf\"\\} [1-9]")
                .containsPattern("ds_rpc_client_seconds_bucket\\{endpoint=\"echo\"[^}]*le=\"0\\.0[0-9]*\"\\}")
                .containsPattern("ds_rpc_client_seconds_bucket\\{endpoint=\"echo\"[^}]*le=\"\\+Inf\"\\} [1-9]"));
    }

    @Test
    void loggersEndpointReadsAndChangesLevels() throws IOException {
        String logger = "/actuator/loggers/dev.ds.spring.chaos";
        NodeHttp.Answer set = http.post(logger, "{\"configuredLevel\": \"DEBUG\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(204);
        assertThat(http.get(logger).json()).containsEntry("configuredLevel", "DEBUG");
        assertThat(http.post(logger, "{\"configuredLevel\": null}").status()).isEqualTo(204);
    }
}
