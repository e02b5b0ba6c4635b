package dev.ds.spring.chaos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ds.spring.testapp.NodeHttp.withSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ds.rpc.Faults;
import dev.ds.rpc.RpcClient;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.Executions;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import dev.ds.spring.testapp.TestApi;
import dev.ds.spring.testapp.TestApi.Echo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The outbound half of a partition: {@code blockedPeers} makes the node's own {@link RpcClient}
 * fail calls to those base URLs at once, without a byte on the network, and leaves others alone.
 */
@ChaosNode
class BlockedPeersTest extends NodeTest {

    static WireMockServer otherPeer;

    @Autowired
    RpcClient rpc;

    @Autowired
    Executions executions;

    @Autowired
    MeterRegistry registry;

    @BeforeAll
    static void startOtherPeer() {
        otherPeer = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        otherPeer.start();
        otherPeer.stubFor(post("/internal/echo").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"text\": \"other\", \"n\": 2}")));
    }

    @AfterAll
    static void stopOtherPeer() {
        otherPeer.stop();
    }

    @Test
    void aCallToABlockedPeerFailsWithoutReachingItWhileOthersStillWork() throws IOException {
        String self = http.baseUrl();
        String other = "http://127.0.0.1:" + otherPeer.port();
        http.put("/admin/chaos", "{\"blockedPeers\": [\"" + self + "/\"]}", withSecret());
        int before = executions.count();
        double blockedBefore = blockedCalls();

        assertThat(rpc.call(self, TestApi.INTERNAL_ECHO, new Echo("to self", 1))).isEmpty();
        assertThat(rpc.call(self + "/", TestApi.INTERNAL_ECHO, new Echo("to self", 1))).isEmpty();

        assertThat(executions.count()).as("the blocked call never reached the handler").isEqualTo(before);
        assertThat(blockedCalls() - blockedBefore).isEqualTo(2);
        assertThat(rpc.call(other, TestApi.INTERNAL_ECHO, new Echo("to other", 2)))
                .contains(new Echo("other", 2));
        otherPeer.verify(1, postRequestedFor(urlEqualTo("/internal/echo")));
    }

    @Test
    void healingThePartitionLetsCallsThroughAgain() throws IOException {
        String self = http.baseUrl();
        chaos.set(Faults.NONE.withBlockedPeers(Set.of(self)));
        assertThat(rpc.call(self, TestApi.INTERNAL_ECHO, new Echo("cut", 1))).isEmpty();

        http.delete("/admin/chaos", withSecret());

        assertThat(rpc.call(self, TestApi.INTERNAL_ECHO, new Echo("healed", 1))).contains(new Echo("healed", 1));
    }

    private double blockedCalls() {
        Timer timer = registry.find("ds.rpc.client").tags("endpoint", "echo", "outcome", "blocked").timer();
        return timer == null ? 0 : timer.count();
    }
}
