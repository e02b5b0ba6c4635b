package dev.ds.spring.chaos;

import static dev.ds.spring.testapp.NodeHttp.withSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.rpc.Faults;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.Executions;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inbound faults of the 6.824 model on a running node: what the caller sees (a closed
 * connection, never a status) and whether the handler ran. Faults are set through the chaos API.
 */
@ChaosNode
class ChaosValveTest extends NodeTest {

    private static final String ECHO = "{\"text\": \"hello\", \"n\": 1}";

    @Autowired
    Executions executions;

    @Test
    void aPathTomcatCannotDecodeIsRefusedNotAnInternalError() throws IOException {
        for (String path : new String[] {"/api/echo/%00", "/api/echo/%FF"}) {
            NodeHttp.Answer answer = http.get(path);

            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.isProblem()).as(path + ": " + answer.contentType()).isTrue();
            assertThat(answer.body()).as(path).contains("\"code\":\"ErrBadRequest\"");
        }
    }

    @Test
    void aDeafNodeClosesTheConnectionWithoutRunningTheHandler() throws IOException {
        setFaults("{\"deaf\": true}");
        int before = executions.count();

        assertNoAnswer(() -> http.post("/internal/echo", ECHO, withSecret()));
        assertNoAnswer(() -> http.post("/api/echo", ECHO));

        assertThat(executions.count()).isEqualTo(before);
    }

    @Test
    void aDroppedRequestIsNeverProcessed() throws IOException {
        setFaults("{\"dropRequestRate\": 1}");
        int before = executions.count();

        assertNoAnswer(() -> http.post("/internal/echo", ECHO, withSecret()));

        assertThat(executions.count()).isEqualTo(before);
    }

    @Test
    void aDroppedReplyIsProcessedButNeverAnswered() throws IOException {
        setFaults("{\"dropReplyRate\": 1}");
        int before = executions.count();

        assertNoAnswer(() -> http.post("/internal/echo", ECHO, withSecret()));

        assertThat(executions.count()).as("the handler ran exactly once").isEqualTo(before + 1);
    }

    @Test
    void aDroppedReplyLargerThanTheResponseBufferIsNotDeliveredEither() throws IOException {
        setFaults("{\"dropReplyRate\": 1}");
        int before = executions.count();
        String large = "{\"text\": \"" + "x".repeat(200_000) + "\", \"n\": 1}";

        assertNoAnswer(() -> http.post("/internal/echo", large, withSecret()));

        assertThat(executions.count()).isEqualTo(before + 1);
    }

    @Test
    void halfOfTheRequestsAreDroppedAtRateOneHalf() throws IOException {
        setFaults("{\"dropRequestRate\": 0.5}");
        int before = executions.count();
        int requests = 200;
        int answered = 0;

        for (int i = 0; i < requests; i++) {
            try {
                assertThat(http.post("/api/echo", ECHO).status()).isEqualTo(200);
                answered++;
            } catch (IOException dropped) {
                assertThat(dropped).isNotInstanceOf(HttpTimeoutException.class);
            }
        }

        // Binomial(200, 0.5) has a standard deviation of about 7; 0.3..0.7 is 14 of them.
        double dropped = (requests - answered) / (double) requests;
        assertThat(dropped).isBetween(0.3, 0.7);
        assertThat(executions.count() - before)
                .as("only requests that were answered were processed").isEqualTo(answered);
    }

    @Test
    void aDelayedRequestWaitsAtLeastTheDelayAndIsThenAnswered() throws IOException {
        setFaults("{\"delayMs\": 300}");

        long start = System.nanoTime();
        int status = http.post("/api/echo", ECHO).status();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(status).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
    }

    @Test
    void theDelayDoesNotApplyToTheChaosApi() throws IOException {
        setFaults("{\"delayMs\": 60000}");

        assertThat(http.get("/admin/chaos", withSecret()).json()).containsEntry("delayMs", 60000);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }

    private void setFaults(String json) throws IOException {
        assertThat(http.put("/admin/chaos", json, withSecret()).status()).isEqualTo(200);
    }

    /** A lost message: the connection closes with no status line, and not because we gave up waiting. */
    static void assertNoAnswer(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
    }
}
