package dev.ds.client.paxoskv;

import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteKind;
import dev.ds.client.Replicas;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvCalls;
import dev.ds.client.kv.KvClient;
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
public final class PaxosKvClient implements KvClient {

    private final RpcClient rpc;
    private final Replicas replicas;
    private final String clientId;
    private long seq;

    public PaxosKvClient(RpcClient rpc, List<String> replicas, Retry retry, String clientId) {
        this.rpc = rpc;
        this.replicas = new Replicas(replicas, retry);
        this.clientId = clientId;
    }

    public PaxosKvClient(RpcClient rpc, List<String> replicas) {
        this(rpc, replicas, Retry.DEFAULT, UUID.randomUUID().toString());
    }

    @Override
    public Optional<String> get(String key) {
        return replicas.until("get " + key, replica -> KvCalls.readOnce(rpc, replica, key));
    }

    @Override
    public void put(String key, String value) {
        write(WriteKind.PUT, key, value);
    }

    @Override
    public void append(String key, String value) {
        write(WriteKind.APPEND, key, value);
    }

    /** One write at a time per client, numbered once and resent as it is. */
    private synchronized void write(WriteKind kind, String key, String value) {
        KvWrite write = new KvWrite(kind, key, value, clientId, ++seq);
        replicas.until(kind + " " + key, replica -> rpc.call(replica, KvApi.write(kind), write));
    }
}
