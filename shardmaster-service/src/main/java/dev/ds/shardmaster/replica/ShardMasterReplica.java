package dev.ds.shardmaster.replica;

import dev.ds.api.shardmaster.Config;
import dev.ds.api.shardmaster.ConfigChange;
import dev.ds.api.shardmaster.ConfigWatch;
import dev.ds.api.shardmaster.Join;
import dev.ds.api.shardmaster.Leave;
import dev.ds.api.shardmaster.Move;
import dev.ds.api.shardmaster.ShardMasterApi;
import dev.ds.rpc.Empty;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.Routes;
import dev.ds.rsm.Log;
import dev.ds.rsm.runtime.Replica;
import dev.ds.rsm.runtime.ReplicaSettings;
import dev.ds.rsm.runtime.Replicated;
import dev.ds.shardmaster.master.MasterCommand;
import dev.ds.shardmaster.master.MasterResult;
import dev.ds.shardmaster.master.ShardMaster;
import dev.ds.shardmaster.master.Watch;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One replica of the shard master (6.824 lab 4A). Every operation, queries included, is a log
 * entry answered once the instance holding it has been applied here, so a query through any
 * replica sees every Join, Leave and Move that completed before it. A replica that cannot get
 * decisions (no majority) waits {@code timeout} and answers {@code ErrTimeout}: it never answers
 * from a configuration list that may be stale.
 *
 * <p>Watches are the exception: they are answered from the configurations applied here, fenced by
 * asking the group how far its log has gone instead of writing to it ({@link Watch}), so an idle
 * watcher costs the log nothing.
 */
public final class ShardMasterReplica implements Replicated, AutoCloseable {

    private final ShardMaster master;
    private final Replica<MasterCommand, MasterResult> replica;

    /** A replica of a shard master with {@code nShards} shards; its watches fence through {@code settings.horizon()}. */
    public ShardMasterReplica(Log<MasterCommand> log, int nShards, ReplicaSettings settings) {
        this.master = new ShardMaster(nShards);
        this.replica = new Replica<>(log, master, MasterCommand::noop, MasterResult.class, settings);
    }

    /** The client API ({@link ShardMasterApi}), catch-up and the read fence, for a transport to mount. */
    public Routes routes() {
        return Routes.none()
                .on(ShardMasterApi.JOIN, join -> {
                    join(join);
                    return Empty.INSTANCE;
                })
                .on(ShardMasterApi.LEAVE, leave -> {
                    leave(leave);
                    return Empty.INSTANCE;
                })
                .on(ShardMasterApi.MOVE, move -> {
                    move(move);
                    return Empty.INSTANCE;
                })
                .on(ShardMasterApi.LATEST, empty -> query(-1))
                .on(ShardMasterApi.CONFIG, ref -> query(ref.num()))
                .on(ShardMasterApi.WATCH, this::watch)
                .and(replica.routes());
    }

    public void join(Join join) {
        await(id -> MasterCommand.join(id, join));
    }

    public void leave(Leave leave) {
        await(id -> MasterCommand.leave(id, leave));
    }

    public void move(Move move) {
        await(id -> MasterCommand.move(id, move));
    }

    /** Configuration {@code num}, or the latest for -1; {@code ErrNotFound} when it does not exist yet. */
    public Config query(long num) {
        return await(id -> MasterCommand.query(id, num));
    }

    /**
     * Configuration {@code after + 1} as soon as it is applied here, or "no change" once {@code
     * waitMs} has passed without it (rules in {@link Watch}). Only the fence talks to other
     * replicas, once, and only when the answer is not already here.
     *
     * @throws ProblemException {@code ErrTimeout} when the wait ended and "no change" could be stale
     */
    public ConfigChange watch(ConfigWatch request) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.waitMs());
        Watch.Answer answer = settle(request.after(), OptionalLong.empty());
        if (answer.kind() == Watch.Kind.CHANGED) {
            return ConfigChange.to(answer.config());
        }
        OptionalLong fence = replica.fence();
        replica.await(() -> master.after(request.after()).isPresent(), deadline);
        answer = settle(request.after(), fence);
        return switch (answer.kind()) {
            case CHANGED -> ConfigChange.to(answer.config());
            case NO_CHANGE -> ConfigChange.none();
            case UNKNOWN -> throw new ProblemException(ErrorCode.ErrTimeout, "no change here within " + request.waitMs()
                    + " ms, but this replica cannot tell whether the group made one (no majority, or catching up)");
        };
    }

    private Watch.Answer settle(long after, OptionalLong fence) {
        long applied = replica.status().applied();
        return Watch.settle(master, after, applied, fence);
    }

    private Config await(Function<String, MasterCommand> command) {
        MasterResult result = replica.execute(command);
        if (result.isOk()) {
            return result.config();
        }
        ErrorCode code = switch (result.refusal()) {
            case BAD_REQUEST -> ErrorCode.ErrBadRequest;
            case NOT_FOUND -> ErrorCode.ErrNotFound;
        };
        throw new ProblemException(code, result.detail());
    }

    @Override
    public Replica<MasterCommand, MasterResult> replica() {
        return replica;
    }

    /** The latest configuration this replica has applied: for health and metrics, not a linearizable read. */
    public Config latestApplied() {
        return master.latest();
    }

    @Override
    public void close() {
        replica.close();
    }
}
