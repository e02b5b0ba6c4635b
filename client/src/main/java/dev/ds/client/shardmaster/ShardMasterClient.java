package dev.ds.client.shardmaster;

import dev.ds.api.shardmaster.Config;
import dev.ds.api.shardmaster.ConfigRef;
import dev.ds.api.shardmaster.Join;
import dev.ds.api.shardmaster.Leave;
import dev.ds.api.shardmaster.Move;
import dev.ds.api.shardmaster.ShardMasterApi;
import dev.ds.client.Retry;
import dev.ds.rpc.Empty;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The client of the replicated shard master (the Clerk of 6.824 lab 4A). Any replica takes any
 * request; on silence, a timeout or "not ready" the client moves on to the next replica and sends
 * the same request again, with the same {@code clientId}/{@code seq} for a Join, Leave or Move, so
 * it is applied at most once. Bad input ({@code ErrBadRequest}) is thrown as it came.
 */
public final class ShardMasterClient {

    private static final Set<ErrorCode> TRY_ANOTHER = Set.of(ErrorCode.ErrTimeout, ErrorCode.ErrNotReady);

    private final RpcClient rpc;
    private final List<String> replicas;
    private final Retry retry;
    private final String clientId;
    private long seq;
    private int current;

    public ShardMasterClient(RpcClient rpc, List<String> replicas, Retry retry, String clientId) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("replicas: at least one");
        }
        this.rpc = rpc;
        this.replicas = List.copyOf(replicas);
        this.retry = retry;
        this.clientId = clientId;
    }

    public ShardMasterClient(RpcClient rpc, List<String> replicas) {
        this(rpc, replicas, Retry.DEFAULT, UUID.randomUUID().toString());
    }

    public synchronized void join(long gid, List<String> servers) {
        Join join = new Join(gid, servers, clientId, ++seq);
        retry.until("join " + gid, () -> attempt(replica -> rpc.call(replica, ShardMasterApi.JOIN, join)));
    }

    public synchronized void leave(long gid) {
        Leave leave = new Leave(gid, clientId, ++seq);
        retry.until("leave " + gid, () -> attempt(replica -> rpc.call(replica, ShardMasterApi.LEAVE, leave)));
    }

    public synchronized void move(int shard, long gid) {
        Move move = new Move(shard, gid, clientId, ++seq);
        retry.until("move " + shard + " to " + gid,
                () -> attempt(replica -> rpc.call(replica, ShardMasterApi.MOVE, move)));
    }

    /** The latest configuration. */
    public Config latest() {
        return retry.until("latest configuration",
                () -> attempt(replica -> rpc.call(replica, ShardMasterApi.LATEST, Empty.INSTANCE)));
    }

    /** Configuration {@code num}, or empty when it does not exist yet ({@code ErrNotFound} is an answer). */
    public Optional<Config> query(long num) {
        ConfigRef ref = new ConfigRef(num);
        return retry.until("configuration " + num, () -> attempt(replica -> {
            try {
                return rpc.call(replica, ShardMasterApi.CONFIG, ref).map(Optional::of);
            } catch (ProblemException e) {
                if (e.code() == ErrorCode.ErrNotFound) {
                    return Optional.of(Optional.empty());
                }
                throw e;
            }
        }));
    }

    private synchronized <T> Optional<T> attempt(Function<String, Optional<T>> call) {
        String replica = replicas.get(current);
        try {
            Optional<T> answer = call.apply(replica);
            if (answer.isEmpty()) {
                current = (current + 1) % replicas.size();
            }
            return answer;
        } catch (ProblemException e) {
            if (!TRY_ANOTHER.contains(e.code())) {
                throw e;
            }
            current = (current + 1) % replicas.size();
            return Optional.empty();
        }
    }
}
