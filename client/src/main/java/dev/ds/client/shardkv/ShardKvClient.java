package dev.ds.client.shardkv;

import dev.ds.api.shardkv.ShardKeys;
import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvWrite;
import dev.ds.api.shardmaster.Config;
import dev.ds.client.ClientBuilder;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvCalls;
import dev.ds.client.kv.NumberedKvClient;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The client of the sharded key/value store (the Clerk of 6.824 lab 4B).
 *
 * <p>It routes each key by the configuration it last read from the shard master: the key's shard
 * ({@link ShardKeys}), the group that owns it, that group's servers in turn. {@code ErrWrongGroup},
 * a group with no owner, or a whole group silent or not ready makes it read the latest
 * configuration and try again; a write keeps its {@code clientId}/{@code seq} across every retry,
 * whichever group it reaches, and the servers' per-shard tables (which move with the shards) apply
 * it at most once.
 */
public final class ShardKvClient extends NumberedKvClient {

    private static final Set<ErrorCode> TRY_ANOTHER = Set.of(ErrorCode.ErrTimeout, ErrorCode.ErrNotReady);

    private final ClientBuilder.Transport transport;
    private final RpcClient rpc;
    private final ShardMasterClient master;
    private final Retry retry;
    private volatile Config config;

    private ShardKvClient(ClientBuilder.Transport transport, List<String> shardMasters, Retry retry,
            String clientId, long lastSeq) {
        super(clientId, lastSeq);
        this.transport = transport;
        this.rpc = transport.rpc();
        this.master = new ShardMasterClient(rpc, shardMasters, retry, clientId + "-config");
        this.retry = retry;
    }

    public ShardKvClient(RpcClient rpc, List<String> shardMasters, Retry retry, String clientId) {
        this(ClientBuilder.Transport.shared(rpc), shardMasters, retry, clientId, 0);
    }

    /** A client that routes by the configurations of the shard masters at these base URLs. */
    public static Builder builder() {
        return new Builder();
    }

    public ShardKvClient(RpcClient rpc, List<String> shardMasters) {
        this(rpc, shardMasters, Retry.DEFAULT, UUID.randomUUID().toString());
    }

    @Override
    public Optional<String> get(String key) {
        return retry.until("get " + key, () -> attempt(key, server -> KvCalls.readOnce(rpc, server, key)));
    }

    @Override
    protected void send(KvWrite write) {
        retry.until(write.kind() + " " + write.key(),
                () -> attempt(write.key(), server -> rpc.call(server, KvApi.write(write.kind()), write)));
    }

    /**
     * One round: every server of the group that owns the key's shard, by the configuration we know.
     * Empty, with the configuration refreshed, when none of them answered.
     */
    private <T> Optional<T> attempt(String key, Function<String, Optional<T>> call) {
        Config known = config;
        if (known == null) {
            known = refresh();
        }
        long gid = known.owner(ShardKeys.shardOf(key, known.nShards()));
        for (String server : known.groups().getOrDefault(gid, List.of())) {
            try {
                Optional<T> answer = call.apply(server);
                if (answer.isPresent()) {
                    return answer;
                }
            } catch (ProblemException e) {
                if (e.code() == ErrorCode.ErrWrongGroup) {
                    break;
                }
                if (!TRY_ANOTHER.contains(e.code())) {
                    throw e;
                }
            }
        }
        refresh();
        return Optional.empty();
    }

    private Config refresh() {
        Config latest = master.latest();
        config = latest;
        return latest;
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Builds a {@link ShardKvClient}; {@link #shardMasters} is required. */
    public static final class Builder extends ClientBuilder<Builder, ShardKvClient> {

        private List<String> shardMasters = List.of();

        private Builder() {
        }

        /** Base URLs of the shard master replicas, in any order. */
        public Builder shardMasters(List<String> urls) {
            this.shardMasters = urls;
            return this;
        }

        public Builder shardMasters(String... urls) {
            return shardMasters(List.of(urls));
        }

        @Override
        public ShardKvClient build() {
            return new ShardKvClient(transport(), required("shardMasters", shardMasters), retry(), clientIdOrRandom(), lastSeqValue());
        }
    }
}
