package dev.ds.spring.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.spring.testapp.NodeHttp.Answer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every node serves its live status page at {@code /}, reading its own health and readiness. */
@PlainNode
class StatusPageTest extends NodeTest {

    @Test
    void rootServesTheStatusPage() throws IOException {
        Answer page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("actuator/health", "actuator/health/readiness", "swagger-ui.html");
    }
}
