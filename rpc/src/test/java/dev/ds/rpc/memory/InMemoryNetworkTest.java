package dev.ds.rpc.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.rpc.Endpoint;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.Faults;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each 6.824 fault switch of the in-memory network does exactly what it says. */
class InMemoryNetworkTest {

    record Req(String word) {
        Req {
            if (word == null) {
                throw new IllegalArgumentException("word: must be given");
            }
        }
    }

    record Rep(String echoed, int count) { }

    static final Endpoint<Req, Rep> ECHO = Endpoint.post("test.echo", "/internal/echo", Req.class, Rep.class);
    static final Endpoint<Req, Rep> FAIL = Endpoint.post("test.fail", "/internal/fail", Req.class, Rep.class);

    private final InMemoryNetwork network = new InMemoryNetwork(42);
    private final AtomicInteger executed = new AtomicInteger();
    private RpcClient client;

    @BeforeEach
    void startNodes() {
        for (String address : List.of("a", "b", "c")) {
            network.server(address)
                    .handle(ECHO, req -> new Rep(address + ":" + req.word(), executed.incrementAndGet()))
                    .handle(FAIL, req -> {
                        throw new ProblemException(ErrorCode.ErrWrongGroup, "not mine", Map.of("gid", 7));
                    });
        }
        client = network.client("a");
    }

    @Test
    void deliversThroughJson() {
        assertThat(client.call("b", ECHO, new Req("hi"))).contains(new Rep("b:hi", 1));
        assertThat(network.rpcCount("b")).isEqualTo(1);
        assertThat(network.rpcCount("b", ECHO)).isEqualTo(1);
        assertThat(network.rpcCount("c")).isZero();
    }

    @Test
    void unknownPeerAndKilledPeerGiveNoReply() {
        assertThat(client.call("nobody", ECHO, new Req("x"))).isEmpty();
        network.kill("b");
        assertThat(client.call("b", ECHO, new Req("x"))).isEmpty();
        assertThat(executed).hasValue(0);
    }

    @Test
    void aKilledNodeCannotSendAndARestartedOneCan() {
        network.kill("a");
        assertThat(client.call("b", ECHO, new Req("x"))).isEmpty();
        network.server("a");
        assertThat(client.call("b", ECHO, new Req("x"))).isPresent();
    }

    @Test
    void dropRequestNeverExecutes() {
        network.setFaults("b", Faults.NONE.withDrops(1.0, 0));
        assertThat(client.call("b", ECHO, new Req("x"))).isEmpty();
        assertThat(executed).hasValue(0);
    }

    @Test
    void dropReplyExecutesThenLosesTheAnswer() {
        network.setFaults("b", Faults.NONE.withDrops(0, 1.0));
        assertThat(client.call("b", ECHO, new Req("x"))).isEmpty();
        assertThat(executed).hasValue(1);
    }

    @Test
    void deafNodeExecutesNothing() {
        network.setFaults("b", Faults.NONE.withDeaf(true));
        assertThat(client.call("b", ECHO, new Req("x"))).isEmpty();
        assertThat(executed).hasValue(0);
        assertThat(network.client("b").call("c", ECHO, new Req("x"))).as("a deaf node can still send").isPresent();
    }

    @Test
    void partitionsCutBothWaysAndHeal() {
        network.partition(List.of("a"), List.of("b", "c"));
        assertThat(client.call("b", ECHO, new Req("x"))).isEmpty();
        assertThat(network.client("b").call("a", ECHO, new Req("x"))).isEmpty();
        assertThat(network.client("b").call("c", ECHO, new Req("x"))).isPresent();
        network.heal();
        assertThat(client.call("b", ECHO, new Req("x"))).isPresent();
    }

    @Test
    void blockedPeersOnOneSideAreEnough() {
        network.setFaults("a", Faults.NONE.withBlockedPeers(Set.of("b")));
        assertThat(client.call("b", ECHO, new Req("x"))).isEmpty();
        assertThat(network.client("b").call("a", ECHO, new Req("x"))).isEmpty();
        assertThat(client.call("c", ECHO, new Req("x"))).isPresent();
    }

    @Test
    void unreliableLosesSomeButNotAll() {
        network.setUnreliable(true, List.of("b"));
        int answered = 0;
        for (int i = 0; i < 1000; i++) {
            if (client.call("b", ECHO, new Req("x")).isPresent()) {
                answered++;
            }
        }
        // 10% of requests and then 20% of replies are lost: about 72% answered.
        assertThat(answered).isBetween(620, 820);
        assertThat(executed.get()).as("dropped replies were still executed").isGreaterThan(answered);
        network.setUnreliable(false, List.of("b"));
        assertThat(client.call("b", ECHO, new Req("x"))).isPresent();
    }

    @Test
    void problemsTravelBackAsProblems() {
        assertThatThrownBy(() -> client.call("b", FAIL, new Req("x")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ErrWrongGroup);
                    assertThat(e.properties()).containsEntry("gid", 7);
                });
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aRequestThePeerCannotParseIsABadRequest() {
        // The same endpoint as the caller of an older schema sees it: a body without the required word.
        Endpoint<Map, Rep> older = Endpoint.post(ECHO.name(), ECHO.pathTemplate(), Map.class, Rep.class);
        assertThatThrownBy(() -> client.call("b", older, Map.of("other", 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ErrBadRequest);
                    assertThat(e.detail()).contains("word: must be given");
                });
        assertThat(executed).hasValue(0);
    }
}
