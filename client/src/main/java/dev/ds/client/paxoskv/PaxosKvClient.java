package dev.ds.client.paxoskv;

import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvWrite;
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

    private final RpcClient rpc;
    private final Replicas replicas;

    public PaxosKvClient(RpcClient rpc, List<String> replicas, Retry retry, String clientId) {
        super(clientId);
        this.rpc = rpc;
        this.replicas = new Replicas(replicas, retry);
    }

    public PaxosKvClient(RpcClient rpc, List<String> replicas) {
        this(rpc, replicas, Retry.DEFAULT, UUID.randomUUID().toString());
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
}
