package dev.ds.client.chaos;

import dev.ds.client.ClientBuilder;
import dev.ds.client.Retry;
import dev.ds.rpc.Empty;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.Faults;
import dev.ds.rpc.RpcClient;
import dev.ds.rpc.Verb;

/**
 * The chaos API of CONTRACT.md section 8 on any node started with {@code chaos.enabled=true}: read,
 * replace or clear its fault settings. Each call goes to the node named in it and retries until the
 * deadline; the chaos API itself is never subject to the faults, so a faulty node still answers.
 * When the cluster has a secret, give it as the bearer token of the builder's {@code httpSettings}.
 */
public final class ChaosClient implements AutoCloseable {

    static final Endpoint<Empty, Faults> GET =
            Endpoint.get("chaos.get", "/admin/chaos", Faults.class);
    static final Endpoint<Faults, Faults> PUT =
            Endpoint.of("chaos.put", Verb.PUT, "/admin/chaos", Faults.class, Faults.class, q -> "/admin/chaos");
    static final Endpoint<Empty, Faults> DELETE =
            Endpoint.of("chaos.delete", Verb.DELETE, "/admin/chaos", Empty.class, Faults.class, q -> "/admin/chaos");

    private final ClientBuilder.Transport transport;
    private final Retry retry;

    private ChaosClient(ClientBuilder.Transport transport, Retry retry) {
        this.transport = transport;
        this.retry = retry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The faults now in force at {@code node} (a base URL). */
    public Faults get(String node) {
        return retry.until("chaos settings of " + node, () -> rpc().call(node, GET, Empty.INSTANCE));
    }

    /** Replaces every fault setting of {@code node}; answers the settings now in force. */
    public Faults set(String node, Faults faults) {
        return retry.until("chaos settings for " + node, () -> rpc().call(node, PUT, faults));
    }

    /** Clears every fault of {@code node}. */
    public Faults clear(String node) {
        return retry.until("clearing the faults of " + node, () -> rpc().call(node, DELETE, Empty.INSTANCE));
    }

    private RpcClient rpc() {
        return transport.rpc();
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Builds a {@link ChaosClient}; nothing is required. */
    public static final class Builder extends ClientBuilder<Builder, ChaosClient> {

        private Builder() {
        }

        @Override
        public ChaosClient build() {
            return new ChaosClient(transport(), retry());
        }
    }
}
