package dev.ds.shardkv.replica;

import dev.ds.api.kv.KeyRef;
import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvValue;
import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteResult;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.Routes;
import dev.ds.rpc.RpcClient;
import dev.ds.rsm.Log;
import dev.ds.rsm.runtime.Replica;
import dev.ds.rsm.runtime.ReplicaSettings;
import dev.ds.rsm.runtime.Replicated;
import dev.ds.shardkv.api.Installed;
import dev.ds.shardkv.api.ShardData;
import dev.ds.shardkv.api.ShardKvApi;
import dev.ds.shardkv.api.ShardRef;
import dev.ds.shardkv.group.GroupState;
import dev.ds.shardkv.group.ShardKvCommand;
import dev.ds.shardkv.group.ShardKvResult;
import dev.ds.api.kv.KvService;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One replica of a shardkv group. Every client operation on a shard this group owns is a log entry
 * answered once applied here (linearizable, as in the Paxos store); the group state machine decides
 * in log order whether the shard is ours ({@link GroupState}, rule 1). A key whose shard another
 * group owns is forwarded once to that group's servers; if none of them answers, the client gets
 * {@code ErrWrongGroup} with the shard and the owner we know of, and routes by itself.
 */
public final class ShardKvReplica implements KvService, Replicated, AutoCloseable {

    private final long gid;
    private final GroupState state;
    private final Replica<ShardKvCommand, ShardKvResult> replica;
    private final RpcClient rpc;
    private final AtomicLong pulledBytes = new AtomicLong();

    /** @param rpc how this node reaches other groups (forwarding, pulls, confirmations) */
    public ShardKvReplica(long gid, int nShards, Log<ShardKvCommand> log, RpcClient rpc, ReplicaSettings settings) {
        this.gid = gid;
        this.state = new GroupState(gid, nShards);
        this.rpc = rpc;
        this.replica = new Replica<>(log, state, ShardKvCommand::noop, ShardKvResult.class, settings);
    }

    @Override
    public KvValue get(String key) {
        GroupState.Route route = state.route(key);
        ShardKvResult result = route.ownedHere() ? replica.execute(id -> ShardKvCommand.get(id, key)) : null;
        if (result == null || result.outcome() == ShardKvResult.Outcome.WRONG_GROUP) {
            return forward(key, route, ShardKvApi.GET, new KeyRef(key));
        }
        return answer(key, result);
    }

    @Override
    public WriteResult write(KvWrite write) {
        GroupState.Route route = state.route(write.key());
        ShardKvResult result = route.ownedHere() ? replica.execute(id -> ShardKvCommand.write(id, write)) : null;
        if (result == null || result.outcome() == ShardKvResult.Outcome.WRONG_GROUP) {
            return forward(write.key(), route, ShardKvApi.WRITE, write);
        }
        return written(write.key(), result);
    }

    /** A read forwarded by another group's node: answered here or refused, never forwarded again. */
    public KvValue serveGet(String key) {
        return answer(key, replica.execute(id -> ShardKvCommand.get(id, key)));
    }

    /** A write forwarded by another group's node: applied here or refused, never forwarded again. */
    public WriteResult serveWrite(KvWrite write) {
        return written(write.key(), replica.execute(id -> ShardKvCommand.write(id, write)));
    }

    private KvValue answer(String key, ShardKvResult result) {
        requireApplied(key, result);
        if (result.value() == null) {
            throw new ProblemException(ErrorCode.ErrNoKey, "no value for key " + key);
        }
        return new KvValue(key, result.value());
    }

    private WriteResult written(String key, ShardKvResult result) {
        requireApplied(key, result);
        return new WriteResult(key);
    }

    /** Turns the state machine's refusals (its rule 1) into the contract's errors. */
    private void requireApplied(String key, ShardKvResult result) {
        switch (result.outcome()) {
            case OK -> { }
            case WRONG_GROUP -> throw wrongGroup(state.shardOf(key), result.owner());
            case NOT_READY -> throw new ProblemException(ErrorCode.ErrNotReady,
                    "shard " + state.shardOf(key) + " is still arriving at group " + gid + "; retry");
            case IGNORED -> throw new IllegalStateException("a client operation cannot be ignored: " + result);
        }
    }

    /**
     * Passes a request on to the servers of the shard's owner (by this replica's applied
     * configuration, which may be older than the log's: hence the route is taken again).
     */
    private <Q, R> R forward(String key, GroupState.Route stale, Endpoint<Q, R> endpoint, Q request) {
        GroupState.Route route = stale.ownedHere() ? state.route(key) : stale;
        if (route.owner() != gid) {
            for (String server : route.servers()) {
                try {
                    Optional<R> answer = rpc.call(server, endpoint, request);
                    if (answer.isPresent()) {
                        return answer.get();
                    }
                } catch (ProblemException e) {
                    if (e.code() != ErrorCode.ErrTimeout && e.code() != ErrorCode.ErrNotReady) {
                        throw e;
                    }
                }
            }
        }
        throw wrongGroup(route.shard(), route.owner());
    }

    private ProblemException wrongGroup(int shard, long owner) {
        return new ProblemException(ErrorCode.ErrWrongGroup,
                "group " + gid + " does not serve shard " + shard + "; its owner is group " + owner,
                Map.of("shard", shard, "gid", owner));
    }

    /** The pull handler: a shard this group handed off, once frozen here. */
    public ShardData pull(ShardRef ref) {
        ShardData data = state.handedOff(ref).orElseThrow(() -> new ProblemException(ErrorCode.ErrNotReady,
                ref + " is not frozen at group " + gid + " (configuration not applied yet, or already handed over)"));
        pulledBytes.addAndGet(data.bytes());
        return data;
    }

    public Installed installed(ShardRef ref) {
        return new Installed(state.installed(ref));
    }

    /** The client API ({@link KvApi}), the group-to-group calls ({@link ShardKvApi}) and catch-up, for a transport to mount. */
    public Routes routes() {
        return Routes.none()
                .on(KvApi.GET, ref -> get(ref.key()))
                .on(KvApi.PUT, this::write)
                .on(KvApi.APPEND, this::write)
                .on(ShardKvApi.GET, ref -> serveGet(ref.key()))
                .on(ShardKvApi.WRITE, this::serveWrite)
                .on(ShardKvApi.PULL, this::pull)
                .on(ShardKvApi.INSTALLED, this::installed)
                .and(replica.routes());
    }

    /** Orders a group entry (reconfigure, install, drop) and waits for it like a client operation. */
    ShardKvResult propose(Function<String, ShardKvCommand> command) {
        return replica.execute(command);
    }

    GroupState.MigrationWork work() {
        return state.work();
    }

    /** Waits up to {@code patience} for this replica to apply configuration {@code num}; returns whether it has. */
    boolean awaitConfig(long num, Duration patience) {
        return replica.await(() -> state.work().config().num() >= num, System.nanoTime() + patience.toNanos());
    }

    /** Whether this replica's applied configuration includes its group. */
    public boolean joined() {
        return state.joined();
    }

    public long gid() {
        return gid;
    }

    public GroupState.GroupView view() {
        return state.view();
    }

    @Override
    public Replica<ShardKvCommand, ShardKvResult> replica() {
        return replica;
    }

    /** Characters of shard data this node has given out to pulls. */
    public long pulledBytes() {
        return pulledBytes.get();
    }

    @Override
    public void close() {
        replica.close();
    }
}
