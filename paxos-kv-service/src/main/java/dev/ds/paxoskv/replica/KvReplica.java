package dev.ds.paxoskv.replica;

import dev.ds.api.kv.KvValue;
import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteResult;
import dev.ds.paxoskv.kv.KvCommand;
import dev.ds.paxoskv.kv.KvResult;
import dev.ds.paxoskv.kv.KvStore;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rsm.Log;
import dev.ds.rsm.ReplicatedStateMachine;
import dev.ds.rsm.runtime.RsmDriver;
import dev.ds.spring.kv.KvService;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One replica of the Paxos key/value store (6.824 lab 3B). Every operation, reads included, is a
 * log entry: it is answered once the instance holding it has been applied here, which makes every
 * answer linearizable. A replica that cannot get decisions (no majority) waits {@code timeout} and
 * answers {@code ErrTimeout}: it never answers from state that may be stale.
 */
public final class KvReplica implements KvService, AutoCloseable {

    private static final Duration MAX_IDLE = Duration.ofMillis(5);

    private final KvStore store = new KvStore();
    private final ReplicatedStateMachine<KvCommand, KvResult> rsm;
    private final RsmDriver driver;
    private final Duration timeout;

    public KvReplica(String name, Log<KvCommand> log, String incarnation, Duration timeout, int maxQueued) {
        this.rsm = new ReplicatedStateMachine<>(log, store, KvCommand::noop, incarnation, maxQueued);
        this.driver = new RsmDriver(name + "-rsm", MAX_IDLE, rsm::tick).start();
        this.timeout = timeout;
    }

    @Override
    public KvValue get(String key) {
        KvResult result = await(KvCommand.get(rsm.newId(), key));
        if (result.value() == null) {
            throw new ProblemException(ErrorCode.ErrNoKey, "no value for key " + key);
        }
        return new KvValue(key, result.value());
    }

    @Override
    public WriteResult write(KvWrite write) {
        await(KvCommand.write(rsm.newId(), write));
        return new WriteResult(write.key());
    }

    private KvResult await(KvCommand command) {
        CompletableFuture<KvResult> result;
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

    public int keys() {
        return store.keys();
    }

    @Override
    public void close() {
        driver.close();
    }
}
