package dev.ds.spring.testapp;

import dev.ds.rpc.Endpoint;
import dev.ds.rpc.Verb;

/** The wire types and endpoints of the test node, as a peer's {@link dev.ds.rpc.RpcClient} sees them. */
public final class TestApi {

    public static final String SECRET = "test-cluster-secret";

    public static final Endpoint<Echo, Echo> INTERNAL_ECHO =
            Endpoint.post("echo", "/internal/echo", Echo.class, Echo.class);

    public static final Endpoint<String, Echo> WRONG_GROUP = Endpoint.of(
            "wrongGroup", Verb.GET, "/api/wrong-group/{key}", String.class, Echo.class,
            key -> "/api/wrong-group/" + Endpoint.segment(key));

    /** Answers the key it was given in its path, decoded, as the {@code text} of an {@link Echo}. */
    public static final Endpoint<String, Echo> KEY = Endpoint.of(
            "key", Verb.GET, "/api/keys/{key}", String.class, Echo.class,
            key -> "/api/keys/" + Endpoint.segment(key));

    private TestApi() {
    }

    /** The body both echo endpoints take and answer. */
    public record Echo(String text, int n) {
    }
}
