package dev.ds.spring.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.rpc.RpcClient;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import dev.ds.spring.testapp.NodeHttp.Answer;
import dev.ds.spring.testapp.PlainNode;
import dev.ds.spring.testapp.TestApi;
import dev.ds.spring.testapp.TestApi.Echo;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A node started with its defaults: no chaos API (404), and no secret needed anywhere. */
@PlainNode
class ChaosDisabledTest extends NodeTest {

    @Autowired
    RpcClient rpc;

    @Test
    void theChaosApiDoesNotExist() throws IOException {
        assertNotFound(http.get("/admin/chaos"));
        assertNotFound(http.put("/admin/chaos", "{\"deaf\": true}"));
        assertNotFound(http.delete("/admin/chaos"));
        assertThat(chaos.get().deaf()).isFalse();
    }

    @Test
    void internalPathsNeedNoSecretWhenNoneIsSet() throws IOException {
        assertThat(http.post("/internal/echo", "{\"text\": \"open\", \"n\": 1}").status()).isEqualTo(200);
        assertThat(rpc.call(http.baseUrl(), TestApi.INTERNAL_ECHO, new Echo("open", 2))).contains(new Echo("open", 2));
    }

    private static void assertNotFound(Answer answer) {
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json()).containsEntry("code", "ErrNotFound").containsEntry("status", 404);
    }
}
