package dev.ds.spring.security;

import static dev.ds.spring.testapp.NodeHttp.withSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.rpc.RpcClient;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.Executions;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import dev.ds.spring.testapp.NodeHttp.Answer;
import dev.ds.spring.testapp.TestApi;
import dev.ds.spring.testapp.TestApi.Echo;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code cluster.secret}: node-to-node and operator paths need the bearer secret, client paths do not. */
@ChaosNode
class ClusterSecretTest extends NodeTest {

    private static final String ECHO = "{\"text\": \"hello\", \"n\": 1}";

    @Autowired
    Executions executions;

    @Autowired
    RpcClient rpc;

    @Test
    void anInternalCallWithoutTheSecretIsUnauthorizedAndNotProcessed() throws IOException {
        int before = executions.count();

        Answer answer = http.post("/internal/echo", ECHO);

        assertUnauthorized(answer);
        assertThat(executions.count()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong", "Bearer " + TestApi.SECRET + "x", "bearer " + TestApi.SECRET,
            TestApi.SECRET, "Basic dGVzdDp0ZXN0"})
    void anInternalCallWithAWrongSecretIsUnauthorized(String authorization) throws IOException {
        int before = executions.count();

        assertUnauthorized(http.post("/internal/echo", ECHO, "Authorization", authorization));
        assertThat(executions.count()).isEqualTo(before);
    }

    @Test
    void anInternalCallWithTheSecretIsServed() throws IOException {
        Answer answer = http.post("/internal/echo", ECHO, withSecret());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("text", "hello").containsEntry("n", 1);
    }

    @Test
    void clientPathsStayOpen() throws IOException {
        assertThat(http.post("/api/echo", ECHO).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void theChaosApiNeedsTheSecret() throws IOException {
        assertUnauthorized(http.get("/admin/chaos"));
        assertUnauthorized(http.delete("/admin/chaos", "Authorization", "Bearer wrong"));
        assertThat(http.get("/admin/chaos", withSecret()).status()).isEqualTo(200);
    }

    /**
     * Tomcat decodes and normalizes a path before Spring MVC maps it, so every spelling of an
     * internal path that reaches its handler must need the secret too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/%69nternal/echo", "/internal/%65cho", "/api/../internal/echo", "//internal/echo",
            "/internal/./echo", "/internal//echo", "/internal/echo;x=1", "/internal%2Fecho", "/%2Finternal/echo",
            "/internal%5Cecho", "/INTERNAL/echo"})
    void everySpellingOfAnInternalPathNeedsTheSecret(String path) throws IOException {
        int before = executions.count();

        Answer answer = http.post(path, ECHO);

        assertThat(executions.count()).as("%s answered %s without the secret", path, answer).isEqualTo(before);
        assertThat(answer.status()).isIn(400, 401, 404);
    }

    @Test
    void theNodesRpcClientSendsTheSecret() {
        assertThat(rpc.call(http.baseUrl(), TestApi.INTERNAL_ECHO, new Echo("peer", 7)))
                .contains(new Echo("peer", 7));
    }

    private static void assertUnauthorized(Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        assertThat(answer.json()).containsEntry("code", "ErrUnauthorized").containsEntry("status", 401);
    }
}
