package dev.ds.rpc.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ds.rpc.Empty;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.Verb;
import dev.ds.rpc.Wire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTTP adapter's three outcomes against a scripted peer: a reply, no reply (5xx, refused,
 * timed out, cut off) and an application error thrown as {@link ProblemException}.
 */
class HttpRpcClientTest {

    record Args(String key, int n) {
    }

    record Reply(String value, long version) {
    }

    static final Endpoint<Args, Reply> PUT_KV = Endpoint.post("put", "/internal/put", Args.class, Reply.class);
    static final Endpoint<Args, Empty> PING = Endpoint.post("ping", "/internal/ping", Args.class, Empty.class);
    static final Endpoint<String, Reply> GET_KV = Endpoint.of("get", Verb.GET, "/api/kv/{key}", String.class,
            Reply.class, key -> "/api/kv/" + Endpoint.segment(key));

    @RegisterExtension
    static WireMockExtension peer = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    HttpSettings settings = new HttpSettings(Duration.ofMillis(500), Duration.ofMillis(400), 8, null);
    HttpRpcClient client;

    @BeforeEach
    void open() {
        client = new HttpRpcClient(Wire.mapper(), settings);
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** The peer's base URL on 127.0.0.1; WireMock's own {@code baseUrl()} says {@code localhost}. */
    static String peerUrl() {
        return "http://127.0.0.1:" + peer.getPort();
    }

    @Test
    void aTwoHundredWithJsonIsTheReply() {
        peer.stubFor(post("/internal/put").willReturn(okJson("{\"value\": \"v1\", \"version\": 3, \"extra\": true}")));

        Optional<Reply> reply = client.call(peerUrl(), PUT_KV, new Args("k", 1));

        assertThat(reply).contains(new Reply("v1", 3));
        peer.verify(postRequestedFor(urlEqualTo("/internal/put"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"key\": \"k\", \"n\": 1}")));
    }

    @Test
    void aTrailingSlashOnTheBaseUrlIsIgnored() {
        peer.stubFor(post("/internal/put").willReturn(okJson("{\"value\": \"v\", \"version\": 1}")));

        assertThat(client.call(peerUrl() + "/", PUT_KV, new Args("k", 1))).contains(new Reply("v", 1));
    }

    @ParameterizedTest
    @CsvSource({"200", "204"})
    void anEmptySuccessIsEmptyWhenNoReplyIsExpected(int status) {
        peer.stubFor(post("/internal/ping").willReturn(aResponse().withStatus(status)));

        assertThat(client.call(peerUrl(), PING, new Args("k", 1))).contains(Empty.INSTANCE);
    }

    @Test
    void aProblemIsThrownWithItsCodeAndMembers() {
        peer.stubFor(post("/internal/put").willReturn(aResponse().withStatus(421)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"about:blank\", \"title\": \"Misdirected Request\", \"status\": 421,"
                        + " \"detail\": \"not my shard\", \"code\": \"ErrWrongGroup\", \"shard\": 3, \"gid\": 101}")));

        ProblemException thrown = catchThrowableOfType(ProblemException.class,
                () -> client.call(peerUrl(), PUT_KV, new Args("k", 1)));

        assertThat(thrown).isNotNull();
        assertThat(thrown.code()).isEqualTo(ErrorCode.ErrWrongGroup);
        assertThat(thrown.detail()).isEqualTo("not my shard");
        assertThat(thrown.properties()).containsEntry("shard", 3).containsEntry("gid", 101)
                .doesNotContainKeys("type", "title", "status", "detail", "code");
    }

    @ParameterizedTest
    @CsvSource({"400, ErrBadRequest", "401, ErrUnauthorized", "404, ErrNotFound", "405, ErrMethodNotAllowed",
            "413, ErrTooLarge", "421, ErrWrongServer", "409, ErrBadRequest"})
    void aClientErrorWithoutBodyIsThrownWithTheCodeForItsStatus(int status, ErrorCode code) {
        peer.stubFor(post("/internal/put").willReturn(aResponse().withStatus(status)));

        ProblemException thrown = catchThrowableOfType(ProblemException.class,
                () -> client.call(peerUrl(), PUT_KV, new Args("k", 1)));

        assertThat(thrown).isNotNull();
        assertThat(thrown.code()).isEqualTo(code);
    }

    @Test
    void aClientErrorWithAnUnreadableBodyIsStillAProblem() {
        peer.stubFor(post("/internal/put").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html>gone</html>")));

        ProblemException thrown = catchThrowableOfType(ProblemException.class,
                () -> client.call(peerUrl(), PUT_KV, new Args("k", 1)));

        assertThat(thrown).isNotNull();
        assertThat(thrown.code()).isEqualTo(ErrorCode.ErrNotFound);
    }

    @ParameterizedTest
    @CsvSource({"500", "502", "503"})
    void aServerErrorIsNoReply(int status) {
        peer.stubFor(post("/internal/put").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\": " + status + ", \"code\": \"ErrTimeout\"}")));

        assertThat(client.call(peerUrl(), PUT_KV, new Args("k", 1))).isEmpty();
    }

    @Test
    void aRefusedConnectionIsNoReply() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(client.call("http://127.0.0.1:" + closedPort, PUT_KV, new Args("k", 1))).isEmpty();
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsNoReply() {
        peer.stubFor(post("/internal/put").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThat(client.call(peerUrl(), PUT_KV, new Args("k", 1))).isEmpty();
    }

    @Test
    void aReplyThatIsNotTheReplyTypeIsNoReply() {
        peer.stubFor(post("/internal/put").willReturn(okJson("[1, 2, 3]")));

        assertThat(client.call(peerUrl(), PUT_KV, new Args("k", 1))).isEmpty();
    }

    @Test
    void aSlowPeerIsNoReplyAfterTheReadTimeout() {
        peer.stubFor(post("/internal/put").willReturn(okJson("{\"value\": \"late\", \"version\": 1}")
                .withFixedDelay(5_000)));

        long start = System.nanoTime();
        Optional<Reply> reply = client.call(peerUrl(), PUT_KV, new Args("k", 1));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reply).isEmpty();
        assertThat(waited).as("gave up after the 400ms read timeout, not the 5s delay")
                .isLessThan(Duration.ofMillis(3_000));
    }

    @Test
    void aLongPollWaitsAsLongAsItsOwnReadTimeoutSays() {
        peer.stubFor(post("/internal/put").willReturn(okJson("{\"value\": \"held\", \"version\": 1}")
                .withFixedDelay(1_200)));

        assertThat(client.call(peerUrl(), PUT_KV, new Args("k", 1))).as("the default 400ms read timeout").isEmpty();
        assertThat(client.call(peerUrl(), PUT_KV, new Args("k", 1), Duration.ofSeconds(30)))
                .as("this call's own read timeout").contains(new Reply("held", 1));
        assertThat(client.call(peerUrl(), PUT_KV, new Args("k", 1))).as("the next plain call has the default again")
                .isEmpty();
    }

    @Test
    void theClusterSecretIsSentAsABearerToken() {
        peer.stubFor(post("/internal/put").willReturn(okJson("{\"value\": \"v\", \"version\": 1}")));
        try (HttpRpcClient withSecret = new HttpRpcClient(Wire.mapper(), settings.withBearerToken("s3cret"))) {
            withSecret.call(peerUrl(), PUT_KV, new Args("k", 1));
        }

        peer.verify(postRequestedFor(urlEqualTo("/internal/put")).withHeader("Authorization", equalTo("Bearer s3cret")));
    }

    @Test
    void noAuthorizationHeaderIsSentWithoutASecret() {
        peer.stubFor(post("/internal/put").willReturn(okJson("{\"value\": \"v\", \"version\": 1}")));

        client.call(peerUrl(), PUT_KV, new Args("k", 1));

        peer.verify(postRequestedFor(urlEqualTo("/internal/put")).withHeader("Authorization", absent()));
    }

    @Test
    void aGetSendsNoBody() {
        peer.stubFor(get("/api/kv/k").willReturn(okJson("{\"value\": \"v\", \"version\": 1}")));

        assertThat(client.call(peerUrl(), GET_KV, "k")).contains(new Reply("v", 1));

        List<LoggedRequest> requests = peer.findAll(getRequestedFor(urlEqualTo("/api/kv/k")));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getBody()).isEmpty();
        assertThat(requests.get(0).containsHeader("Content-Type")).isFalse();
    }

    @Test
    void aPercentEncodedSegmentReachesThePeerStillEncoded() {
        peer.stubFor(any(anyUrl()).willReturn(okJson("{\"value\": \"v\", \"version\": 1}")));

        client.call(peerUrl(), GET_KV, "a/b c%");

        List<LoggedRequest> requests = peer.findAll(getRequestedFor(anyUrl()));
        assertThat(requests).extracting(LoggedRequest::getUrl).containsExactly("/api/kv/a%2Fb%20c%25");
    }
}
