package dev.ds.spring.rpc;

import static dev.ds.spring.testapp.NodeHttp.withSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import dev.ds.spring.testapp.TestApi;
import dev.ds.spring.testapp.TestApi.Echo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator sees of node-to-node traffic: inbound {@code /internal/**} calls in Micrometer's
 * {@code http.server.requests} by {@code uri} (CONTRACT.md section 8), outbound calls in
 * {@code ds.rpc.client} by endpoint and outcome.
 */
@ChaosNode
class RpcMetricsTest extends NodeTest {

    @Autowired
    MeterRegistry registry;

    @Autowired
    RpcClient rpc;

    @Test
    void inboundInternalCallsAreCountedByUri() throws IOException {
        long before = count("http.server.requests", "uri", "/internal/echo");

        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/internal/echo", "{\"text\": \"m\", \"n\": 1}", withSecret()).status()).isEqualTo(200);
        }

        // The observation is stopped after the response is written, so it may trail the answer.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> count("http.server.requests", "uri", "/internal/echo") - before >= 3);
        assertThat(actuatorCount("/internal/echo")).isGreaterThanOrEqualTo(before + 3);
    }

    @Test
    void outboundCallsAreTimedByEndpointAndOutcome() {
        long replies = count("ds.rpc.client", "endpoint", "echo", "outcome", "reply");
        long problems = count("ds.rpc.client", "endpoint", "wrongGroup", "outcome", "problem");

        rpc.call(http.baseUrl(), TestApi.INTERNAL_ECHO, new Echo("out", 1));
        assertThatThrownBy(() -> rpc.call(http.baseUrl(), TestApi.WRONG_GROUP, "k"))
                .isInstanceOf(ProblemException.class);

        assertThat(count("ds.rpc.client", "endpoint", "echo", "outcome", "reply")).isEqualTo(replies + 1);
        assertThat(count("ds.rpc.client", "endpoint", "wrongGroup", "outcome", "problem")).isEqualTo(problems + 1);
    }

    private long count(String name, String... tags) {
        Timer timer = registry.find(name).tags(tags).timer();
        return timer == null ? 0 : timer.count();
    }

    @SuppressWarnings("unchecked")
    private long actuatorCount(String uri) throws IOException {
        NodeHttp.Answer answer = http.get("/actuator/metrics/http.server.requests?tag=uri:" + uri);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Map<String, Object>> measurements = (List<Map<String, Object>>) answer.json().get("measurements");
        return measurements.stream().filter(m -> "COUNT".equals(m.get("statistic")))
                .mapToLong(m -> ((Number) m.get("value")).longValue()).findFirst().orElse(0);
    }
}
