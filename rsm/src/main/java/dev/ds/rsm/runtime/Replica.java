package dev.ds.rsm.runtime;

import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.Routes;
import dev.ds.rsm.Entry;
import dev.ds.rsm.Log;
import dev.ds.rsm.ReplicatedStateMachine;
import dev.ds.rsm.StateMachine;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A replica at run time: the replicated state machine, the driver that ticks it, and the bounded
 * wait of each request. A request with no decision within {@code timeout} is answered {@code
 * ErrTimeout} — its outcome is unknown, and a replica that cannot reach a majority never answers
 * from state that may be stale. Every service on the log (Paxos KV, the shard master, shardkv)
 * runs its state machine through this one class.
 */
public final class Replica<E extends Entry, R> implements AutoCloseable {

    /** How long the driver may sleep while this replica waits for a decision: a fraction of a Paxos round. */
    private static final Duration BUSY_IDLE = Duration.ofMillis(5);
    /**
     * How long it may sleep with nothing under way: decisions of other replicas wake it when they
     * arrive over HTTP ({@code boot.PaxosTrafficWake}); this bounds the delay where nothing does.
     */
    private static final Duration QUIET_IDLE = Duration.ofMillis(250);

    private final ReplicatedStateMachine<E, R> rsm;
    private final RsmDriver driver;
    private final Duration timeout;
    private final CatchUp catchUp;
    private final Horizon horizon;
    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progressed = progressLock.newCondition();

    /**
     * A replica of {@code machine} over {@code log}, run as {@code settings} say.
     *
     * @param noop the entry proposed to fill a gap in the log (6.824's no-op), from a fresh entry id
     * @param resultType the type of the machine's answers, which snapshots keep for retried requests
     */
    public Replica(Log<E> log, StateMachine<E, R> machine, Function<String, E> noop, Class<R> resultType,
            ReplicaSettings settings) {
        this.rsm = new ReplicatedStateMachine<>(log, machine, noop, settings.incarnation(), settings.maxQueued(),
                settings.snapshots(), settings.snapshotEvery(), resultType);
        this.timeout = settings.timeout();
        this.catchUp = settings.catchUp();
        this.horizon = settings.horizon();
        this.driver = new RsmDriver(settings.name() + "-rsm", BUSY_IDLE, QUIET_IDLE, rsm::inFlight, this::tick).start();
    }

    /** The driver's step: the state machine's own work, then, if the log has left it behind, a snapshot from a peer. */
    private boolean tick() {
        if (rsm.tick()) {
            signalProgress();
            return true;
        }
        ReplicatedStateMachine.Status status = rsm.status();
        if (status.behind()) {
            // A reply whose snapshot is null (the peer is not ahead) maps to empty.
            Optional<byte[]> snapshot = catchUp.fetch(status.applied());
            if (snapshot.isPresent() && rsm.install(snapshot.get())) {
                signalProgress();
                return true;
            }
        }
        return false;
    }

    private void signalProgress() {
        progressLock.lock();
        try {
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    /**
     * A read fence without a log entry: asks the group how far its log has gone ({@link Horizon})
     * and has this replica learn every instance up to there. Once {@link #status()} shows that
     * instance applied, this replica's state holds every change that completed before the call.
     *
     * @return the instance to wait for; empty when no majority answered
     */
    public OptionalLong fence() {
        OptionalLong reach = horizon.fetch(rsm.heard());
        if (reach.isPresent()) {
            rsm.learnUpTo(reach.getAsLong());
            driver.wake();
        }
        return reach;
    }

    /**
     * Waits until {@code ready} holds, checking it again each time this replica applies something,
     * or until {@code deadlineNanos} ({@link System#nanoTime()}); returns whether it holds.
     */
    public boolean await(BooleanSupplier ready, long deadlineNanos) {
        progressLock.lock();
        try {
            while (!ready.getAsBoolean()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progressed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ready.getAsBoolean();
        } finally {
            progressLock.unlock();
        }
    }

    /** The log may have changed (a Paxos message arrived): tick soon. */
    public void wake() {
        driver.wake();
    }

    /** This replica's side of a peer's read fence. */
    public Horizon.Heard heard() {
        return new Horizon.Heard(rsm.heard());
    }

    /** Serves the snapshot side of catch-up to the group's other replicas. */
    public SnapshotTransfer.Reply snapshot(SnapshotTransfer.Request request) {
        return rsm.snapshotFor(request.applied()).map(SnapshotTransfer.Reply::new).orElseGet(SnapshotTransfer.Reply::none);
    }

    /** The catch-up call and the read fence, for a transport to mount. */
    public Routes routes() {
        return Routes.none()
                .on(SnapshotTransfer.SNAPSHOT, this::snapshot)
                .on(Horizon.HEARD, empty -> heard());
    }

    /**
     * Orders the command that {@code command} builds from a fresh entry id, and answers its result
     * once applied here.
     *
     * @throws ProblemException {@code ErrTimeout} when no decision came in time
     */
    public R execute(Function<String, E> command) {
        E entry = command.apply(rsm.newId());
        CompletableFuture<R> result;
        try {
            result = rsm.submit(entry);
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
            throw new IllegalStateException("applying " + entry + " failed", e.getCause());
        }
    }

    public ReplicatedStateMachine.Status status() {
        return rsm.status();
    }

    @Override
    public void close() {
        driver.close();
    }
}
