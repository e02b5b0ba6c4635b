package dev.ds.client.paxoskv;

import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvWrite;
import dev.ds.client.ClientBuilder;
import dev.ds.client.Replicas;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvCalls;
import dev.ds.client.kv.NumberedKvClient;
import dev.ds.rpc.RpcClient;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The client of the Paxos key/value store (the Clerk of 6.824 lab 3B). Any replica takes any
 * request; on silence, a timeout or "not ready" the client moves on to the next replica and sends
 * the same request again, with the same {@code clientId}/{@code seq} for a write, so it is applied
 * at most once.
 */
public final class PaxosKvClient extends NumberedKvClient {

    private final ClientBuilder.Transport transport;
    private final RpcClient rpc;
    private final Replicas replicas;

    private PaxosKvClient(ClientBuilder.Transport transport, List<String> replicas, Retry retry, String clientId,
            long lastSeq) {
        super(clientId, lastSeq);
        this.transport = transport;
        this.rpc = transport.rpc();
        this.replicas = new Replicas(replicas, retry);
    }

    public PaxosKvClient(RpcClient rpc, List<String> replicas, Retry retry, String clientId) {
        this(ClientBuilder.Transport.shared(rpc), replicas, retry, clientId, 0);
    }

    public PaxosKvClient(RpcClient rpc, List<String> replicas) {
        this(rpc, replicas, Retry.DEFAULT, UUID.randomUUID().toString());
    }

    /** A client of the replicas at these base URLs, over its own HTTP transport unless given one. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<String> get(String key) {
        return replicas.until("get " + key, replica -> KvCalls.readOnce(rpc, replica, key));
    }

    @Override
    protected void send(KvWrite write) {
        replicas.until(write.kind() + " " + write.key(),
                replica -> rpc.call(replica, KvApi.write(write.kind()), write));
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Builds a {@link PaxosKvClient}; {@link Builder#replicas} is required. */
    public static final class Builder extends ClientBuilder.OfGroup<Builder, PaxosKvClient> {

        private Builder() {
        }

        @Override
        public PaxosKvClient build() {
            return new PaxosKvClient(transport(), replicas(), retry(), clientIdOrRandom(), lastSeqValue());
        }
    }
}
