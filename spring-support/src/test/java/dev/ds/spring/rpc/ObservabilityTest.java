package dev.ds.spring.rpc;

import static dev.ds.spring.testapp.NodeHttp.withSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.rpc.RpcClient;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import dev.ds.spring.testapp.TestApi;
import dev.ds.spring.testapp.TestApi.Echo;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an operator can read off a node: latency percentiles (p50, p99, p999) and histogram buckets
 * for every endpoint it serves and every call it makes to a peer, and the loggers endpoint to change
 * a log level on a running node.
 */
@ChaosNode
class ObservabilityTest extends NodeTest {

    @Autowired
    RpcClient rpc;

    @Test
    void servedAndOutboundCallsHavePercentilesAndHistograms() throws IOException {
        assertThat(http.post("/internal/echo", "{\"text\": \"m\", \"n\": 1}", withSecret()).status()).isEqualTo(200);
        rpc.call(http.baseUrl(), TestApi.INTERNAL_ECHO, new Echo("out", 1));

        String prometheus = http.get("/actuator/prometheus").body();
        for (String quantile : new String[] {"0.5", "0.99", "0.999"}) {
            assertThat(prometheus).containsPattern("http_server_requests_seconds\\{[^}]*quantile=\"" + quantile
                    + "\"[^}]*uri=\"/internal/echo\"|http_server_requests_seconds\\{[^}]*uri=\"/internal/echo\"[^}]*"
                    + "quantile=\"" + quantile + "\"");
            assertThat(prometheus).containsPattern("ds_rpc_client_seconds\\{[^}]*endpoint=\"echo\"[^}]*quantile=\""
                    + quantile + "\"");
        }
        assertThat(prometheus).contains("http_server_requests_seconds_bucket{").contains("ds_rpc_client_seconds_bucket{");
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
