package dev.ds.client.shardmaster;

import dev.ds.api.shardmaster.Config;
import dev.ds.api.shardmaster.ConfigChange;
import dev.ds.api.shardmaster.ConfigWatch;
import dev.ds.api.shardmaster.ConfigRef;
import dev.ds.api.shardmaster.Join;
import dev.ds.api.shardmaster.Leave;
import dev.ds.api.shardmaster.Move;
import dev.ds.api.shardmaster.ShardMasterApi;
import dev.ds.client.ClientBuilder;
import dev.ds.client.Replicas;
import dev.ds.client.Retry;
import dev.ds.rpc.Empty;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The client of the replicated shard master (the Clerk of 6.824 lab 4A). Any replica takes any
 * request; on silence, a timeout or "not ready" the client moves on to the next replica and sends
 * the same request again, with the same {@code clientId}/{@code seq} for a Join, Leave or Move, so
 * it is applied at most once. Bad input ({@code ErrBadRequest}) is thrown as it came.
 * {@link #watch} follows configurations without writing to the shard master's log.
 */
public final class ShardMasterClient implements AutoCloseable {

    /**
     * How much longer than its wait a watch may take to be answered: the shard master's read fence
     * (a majority's answer) and the way back. A replica that does not answer within it counts as down.
     */
    public static final Duration WATCH_MARGIN = Duration.ofSeconds(2);

    private final ClientBuilder.Transport transport;
    private final RpcClient rpc;
    private final Replicas replicas;
    private final String clientId;
    private long seq;

    private ShardMasterClient(ClientBuilder.Transport transport, List<String> replicas, Retry retry,
            String clientId, long lastSeq) {
        this.transport = transport;
        this.rpc = transport.rpc();
        this.replicas = new Replicas(replicas, retry);
        this.clientId = clientId;
        this.seq = lastSeq;
    }

    public ShardMasterClient(RpcClient rpc, List<String> replicas, Retry retry, String clientId) {
        this(ClientBuilder.Transport.shared(rpc), replicas, retry, clientId, 0);
    }

    /** A client of the shard master replicas at these base URLs. */
    public static Builder builder() {
        return new Builder();
    }

    public ShardMasterClient(RpcClient rpc, List<String> replicas) {
        this(rpc, replicas, Retry.DEFAULT, UUID.randomUUID().toString());
    }

    public synchronized void join(long gid, List<String> servers) {
        Join join = new Join(gid, servers, clientId, ++seq);
        replicas.until("join " + gid, replica -> rpc.call(replica, ShardMasterApi.JOIN, join));
    }

    public synchronized void leave(long gid) {
        Leave leave = new Leave(gid, clientId, ++seq);
        replicas.until("leave " + gid, replica -> rpc.call(replica, ShardMasterApi.LEAVE, leave));
    }

    public synchronized void move(int shard, long gid) {
        Move move = new Move(shard, gid, clientId, ++seq);
        replicas.until("move " + shard + " to " + gid,
                replica -> rpc.call(replica, ShardMasterApi.MOVE, move));
    }

    /** The latest configuration. */
    public Config latest() {
        return replicas.until("latest configuration",
                replica -> rpc.call(replica, ShardMasterApi.LATEST, Empty.INSTANCE));
    }

    /** Configuration {@code num}, or empty when it does not exist yet ({@code ErrNotFound} is an answer). */
    public Optional<Config> query(long num) {
        ConfigRef ref = new ConfigRef(num);
        return replicas.until("configuration " + num, replica -> {
            try {
                return rpc.call(replica, ShardMasterApi.CONFIG, ref).map(Optional::of);
            } catch (ProblemException e) {
                if (e.code() == ErrorCode.ErrNotFound) {
                    return Optional.of(Optional.<Config>empty());
                }
                throw e;
            }
        });
    }

    /**
     * Configuration {@code after + 1} as soon as it exists, or empty when {@code wait} passed without
     * it: a long poll, answered by the shard master without a log entry, so an idle watcher costs
     * its log nothing. Never older than {@code after}; a Join, Leave or Move that completed before
     * the call is never missed. Each call waits for its answer {@link #WATCH_MARGIN} longer than
     * {@code wait}, so a quiet shard master is not taken for a dead one.
     */
    public Optional<Config> watch(long after, Duration wait) {
        ConfigWatch watch = new ConfigWatch(after, wait.toMillis());
        Duration readTimeout = wait.plus(WATCH_MARGIN);
        ConfigChange change = replicas.until("the configuration after " + after,
                replica -> rpc.call(replica, ShardMasterApi.WATCH, watch, readTimeout));
        return Optional.ofNullable(change.config());
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Builds a {@link ShardMasterClient}; {@link Builder#replicas} is required. */
    public static final class Builder extends ClientBuilder.OfGroup<Builder, ShardMasterClient> {

        private Builder() {
        }

        @Override
        public ShardMasterClient build() {
            return new ShardMasterClient(transport(), replicas(), retry(), clientIdOrRandom(), lastSeqValue());
        }
    }
}
