package dev.ds.spring.chaos;

import static dev.ds.spring.testapp.NodeHttp.withSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.rpc.Faults;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import dev.ds.spring.testapp.NodeHttp.Answer;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The chaos API of CONTRACT.md section 8: reading, replacing and clearing a node's faults. */
@ChaosNode
class ChaosApiTest extends NodeTest {

    @Test
    @SuppressWarnings("unchecked")
    void putReplacesTheSettingsAndGetReadsThemBack() throws IOException {
        Answer put = http.put("/admin/chaos", """
                {"dropRequestRate": 0.1, "dropReplyRate": 0.2, "delayMs": 7, "deaf": false,
                 "blockedPeers": ["http://127.0.0.1:9002/", "http://127.0.0.1:9003"]}""", withSecret());

        assertThat(put.status()).isEqualTo(200);
        Map<String, Object> read = http.get("/admin/chaos", withSecret()).json();
        assertThat(read).containsEntry("dropRequestRate", 0.1).containsEntry("dropReplyRate", 0.2)
                .containsEntry("delayMs", 7).containsEntry("deaf", false);
        assertThat((List<Object>) read.get("blockedPeers"))
                .as("base URLs are stored without a trailing slash")
                .containsExactlyInAnyOrder("http://127.0.0.1:9002", "http://127.0.0.1:9003");
        assertThat(put.json()).isEqualTo(read);
        assertThat(chaos.blocks("http://127.0.0.1:9002")).isTrue();
    }

    @Test
    void putReplacesRatherThanMerges() throws IOException {
        http.put("/admin/chaos", "{\"dropReplyRate\": 0.5, \"delayMs\": 10}", withSecret());

        http.put("/admin/chaos", "{\"dropRequestRate\": 0.25}", withSecret());

        assertThat(chaos.get()).isEqualTo(new Faults(0.25, 0, 0, false, Set.of()));
    }

    @Test
    void deleteClearsEveryFault() throws IOException {
        http.put("/admin/chaos", """
                {"dropRequestRate": 0.3, "dropReplyRate": 0.4, "delayMs": 5, "deaf": true,
                 "blockedPeers": ["http://127.0.0.1:9002"]}""", withSecret());

        Answer deleted = http.delete("/admin/chaos", withSecret());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(chaos.get()).isEqualTo(Faults.NONE);
        assertThat(http.get("/admin/chaos", withSecret()).json())
                .containsEntry("dropRequestRate", 0.0).containsEntry("dropReplyRate", 0.0)
                .containsEntry("delayMs", 0).containsEntry("deaf", false)
                .containsEntry("blockedPeers", List.of());
    }

    @Test
    void aRateAboveOneIsABadRequestAndChangesNothing() throws IOException {
        Answer answer = http.put("/admin/chaos", "{\"dropRequestRate\": 2}", withSecret());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json()).containsEntry("code", "ErrBadRequest");
        assertThat((String) answer.json().get("detail")).contains("dropRequestRate");
        assertThat(chaos.get()).isEqualTo(Faults.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"dropReplyRate\": -0.5}", "{\"delayMs\": \"soon\"}", "{\"blockedPeers\": [null]}",
            "{\"deaf\": true", "null", ""})
    void malformedSettingsAreABadRequestAndChangeNothing(String body) throws IOException {
        Answer answer = http.put("/admin/chaos", body, withSecret());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json()).containsEntry("code", "ErrBadRequest");
        assertThat(chaos.get()).isEqualTo(Faults.NONE);
    }

    @Test
    void aNegativeDelayIsABadRequest() throws IOException {
        Answer answer = http.put("/admin/chaos", "{\"delayMs\": -1}", withSecret());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json()).containsEntry("code", "ErrBadRequest");
        assertThat((String) answer.json().get("detail")).contains("delayMs");
    }

    @Test
    void adminAndActuatorStillAnswerWhileTheNodeIsDeaf() throws IOException {
        http.put("/admin/chaos", "{\"deaf\": true}", withSecret());

        Answer health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP");
        assertThat(http.get("/admin/chaos", withSecret()).json()).containsEntry("deaf", true);
        assertThatThrownBy(() -> http.post("/api/echo", "{\"text\": \"x\", \"n\": 1}"))
                .as("the node is deaf to everything else")
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);

        assertThat(http.delete("/admin/chaos", withSecret()).status())
                .as("an operator can always undo it").isEqualTo(200);
        assertThat(http.post("/api/echo", "{\"text\": \"x\", \"n\": 1}").status()).isEqualTo(200);
    }
}
