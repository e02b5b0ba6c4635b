package dev.ds.shardmaster.replica;

import dev.ds.api.shardmaster.Config;
import dev.ds.api.shardmaster.Join;
import dev.ds.api.shardmaster.Leave;
import dev.ds.api.shardmaster.Move;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rsm.Log;
import dev.ds.rsm.ReplicatedStateMachine;
import dev.ds.rsm.runtime.RsmDriver;
import dev.ds.shardmaster.master.MasterCommand;
import dev.ds.shardmaster.master.MasterResult;
import dev.ds.shardmaster.master.ShardMaster;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One replica of the shard master (6.824 lab 4A). Every operation, queries included, is a log
 * entry answered once the instance holding it has been applied here, so a query through any
 * replica sees every Join, Leave and Move that completed before it. A replica that cannot get
 * decisions (no majority) waits {@code timeout} and answers {@code ErrTimeout}: it never answers
 * from a configuration list that may be stale.
 */
public final class ShardMasterReplica implements AutoCloseable {

    private static final Duration MAX_IDLE = Duration.ofMillis(5);

    private final ShardMaster master;
    private final ReplicatedStateMachine<MasterCommand, MasterResult> rsm;
    private final RsmDriver driver;
    private final Duration timeout;

    public ShardMasterReplica(String name, Log<MasterCommand> log, String incarnation, int nShards,
            Duration timeout, int maxQueued) {
        this.master = new ShardMaster(nShards);
        this.rsm = new ReplicatedStateMachine<>(log, master, MasterCommand::noop, incarnation, maxQueued);
        this.driver = new RsmDriver(name + "-rsm", MAX_IDLE, rsm::tick).start();
        this.timeout = timeout;
    }

    public void join(Join join) {
        await(MasterCommand.join(rsm.newId(), join));
    }

    public void leave(Leave leave) {
        await(MasterCommand.leave(rsm.newId(), leave));
    }

    public void move(Move move) {
        await(MasterCommand.move(rsm.newId(), move));
    }

    /** Configuration {@code num}, or the latest for -1; {@code ErrNotFound} when it does not exist yet. */
    public Config query(long num) {
        return await(MasterCommand.query(rsm.newId(), num));
    }

    private Config await(MasterCommand command) {
        MasterResult result = decided(command);
        if (result.isOk()) {
            return result.config();
        }
        ErrorCode code = switch (result.refusal()) {
            case BAD_REQUEST -> ErrorCode.ErrBadRequest;
            case NOT_FOUND -> ErrorCode.ErrNotFound;
        };
        throw new ProblemException(code, result.detail());
    }

    private MasterResult decided(MasterCommand command) {
        CompletableFuture<MasterResult> result;
        try {
            result = rsm.submit(command);
        } catch (ReplicatedStateMachine.QueueFullException full) {
            throw new ProblemException(ErrorCode.ErrTimeout, "no decisions: " + full.getMessage());
        }
        driver.wake();
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ProblemException(ErrorCode.ErrTimeout,
                    "no decision within " + timeout.toMillis() + " ms; the outcome is unknown, retry with the same clientId/seq");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ErrorCode.ErrTimeout, "interrupted while waiting for a decision");
        } catch (ExecutionException e) {
            throw new IllegalStateException("applying " + command + " failed", e.getCause());
        }
    }

    public ReplicatedStateMachine.Status status() {
        return rsm.status();
    }

    /** The latest configuration this replica has applied: for health and metrics, not a linearizable read. */
    public Config latestApplied() {
        return master.latest();
    }

    @Override
    public void close() {
        driver.close();
    }
}
