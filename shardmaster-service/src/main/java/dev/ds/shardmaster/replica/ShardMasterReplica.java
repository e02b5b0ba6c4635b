package dev.ds.shardmaster.replica;

import dev.ds.api.shardmaster.Config;
import dev.ds.api.shardmaster.Join;
import dev.ds.api.shardmaster.Leave;
import dev.ds.api.shardmaster.Move;
import dev.ds.api.shardmaster.ShardMasterApi;
import dev.ds.rpc.Empty;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.memory.InMemoryNetwork;
import dev.ds.rsm.Log;
import dev.ds.rsm.ReplicatedStateMachine;
import dev.ds.rsm.Snapshots;
import dev.ds.rsm.runtime.CatchUp;
import dev.ds.rsm.runtime.Replica;
import dev.ds.rsm.runtime.SnapshotTransfer;
import dev.ds.shardmaster.master.MasterCommand;
import dev.ds.shardmaster.master.MasterResult;
import dev.ds.shardmaster.master.ShardMaster;
import java.time.Duration;
import java.util.function.Function;

/**
 * One replica of the shard master (6.824 lab 4A). Every operation, queries included, is a log
 * entry answered once the instance holding it has been applied here, so a query through any
 * replica sees every Join, Leave and Move that completed before it. A replica that cannot get
 * decisions (no majority) waits {@code timeout} and answers {@code ErrTimeout}: it never answers
 * from a configuration list that may be stale.
 */
public final class ShardMasterReplica implements AutoCloseable {

    private final ShardMaster master;
    private final Replica<MasterCommand, MasterResult> replica;

    public ShardMasterReplica(String name, Log<MasterCommand> log, String incarnation, int nShards,
            Duration timeout, int maxQueued) {
        this(name, log, incarnation, nShards, timeout, maxQueued, Snapshots.NONE, 1, CatchUp.NONE);
    }

    /**
     * A replica that snapshots every configuration into {@code snapshots} every {@code snapshotEvery}
     * instances and, when the log has left it behind, installs a snapshot from {@code catchUp}'s peers.
     */
    public ShardMasterReplica(String name, Log<MasterCommand> log, String incarnation, int nShards,
            Duration timeout, int maxQueued, Snapshots snapshots, int snapshotEvery, CatchUp catchUp) {
        this.master = new ShardMaster(nShards);
        this.replica = new Replica<>(name, new ReplicatedStateMachine<>(log, master, MasterCommand::noop, incarnation,
                maxQueued, snapshots, snapshotEvery, MasterResult.class), timeout, catchUp);
    }

    /** Serves the client API ({@code ShardMasterApi}) and catch-up on an in-memory network. */
    public ShardMasterReplica serveOn(InMemoryNetwork.Server server) {
        server.handle(ShardMasterApi.JOIN, join -> {
                    join(join);
                    return Empty.INSTANCE;
                })
                .handle(ShardMasterApi.LEAVE, leave -> {
                    leave(leave);
                    return Empty.INSTANCE;
                })
                .handle(ShardMasterApi.MOVE, move -> {
                    move(move);
                    return Empty.INSTANCE;
                })
                .handle(ShardMasterApi.LATEST, empty -> query(-1))
                .handle(ShardMasterApi.CONFIG, ref -> query(ref.num()));
        replica.serveOn(server);
        return this;
    }

    /** The giving side of catch-up, for a peer that is behind. */
    public SnapshotTransfer.Reply snapshot(SnapshotTransfer.Request request) {
        return replica.snapshot(request);
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

    public ReplicatedStateMachine.Status status() {
        return replica.status();
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
