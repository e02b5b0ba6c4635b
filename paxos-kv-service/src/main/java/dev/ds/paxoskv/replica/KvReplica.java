package dev.ds.paxoskv.replica;

import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvValue;
import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteResult;
import dev.ds.paxoskv.kv.KvCommand;
import dev.ds.paxoskv.kv.KvResult;
import dev.ds.paxoskv.kv.KvStore;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.Routes;
import dev.ds.rsm.Log;
import dev.ds.rsm.ReplicatedStateMachine;
import dev.ds.rsm.Snapshots;
import dev.ds.rsm.runtime.CatchUp;
import dev.ds.rsm.runtime.Replica;
import dev.ds.rsm.runtime.SnapshotTransfer;
import dev.ds.api.kv.KvService;
import java.time.Duration;

/**
 * One replica of the Paxos key/value store (6.824 lab 3B). Every operation, reads included, is a
 * log entry: it is answered once the instance holding it has been applied here, which makes every
 * answer linearizable. A replica that cannot get decisions (no majority) waits {@code timeout} and
 * answers {@code ErrTimeout}: it never answers from state that may be stale.
 */
public final class KvReplica implements KvService, AutoCloseable {

    private final KvStore store = new KvStore();
    private final Replica<KvCommand, KvResult> replica;

    public KvReplica(String name, Log<KvCommand> log, String incarnation, Duration timeout, int maxQueued) {
        this(name, log, incarnation, timeout, maxQueued, Snapshots.NONE, 1, CatchUp.NONE);
    }

    /**
     * A replica that snapshots its state into {@code snapshots} every {@code snapshotEvery} instances
     * and, when the log has left it behind, installs a snapshot from {@code catchUp}'s peers.
     */
    public KvReplica(String name, Log<KvCommand> log, String incarnation, Duration timeout, int maxQueued,
            Snapshots snapshots, int snapshotEvery, CatchUp catchUp) {
        this.replica = new Replica<>(name, new ReplicatedStateMachine<>(log, store, KvCommand::noop, incarnation,
                maxQueued, snapshots, snapshotEvery, KvResult.class), timeout, catchUp);
    }

    @Override
    public KvValue get(String key) {
        KvResult result = replica.execute(id -> KvCommand.get(id, key));
        if (result.value() == null) {
            throw new ProblemException(ErrorCode.ErrNoKey, "no value for key " + key);
        }
        return new KvValue(key, result.value());
    }

    @Override
    public WriteResult write(KvWrite write) {
        replica.execute(id -> KvCommand.write(id, write));
        return new WriteResult(write.key());
    }

    /** The giving side of catch-up, for a peer that is behind. */
    public SnapshotTransfer.Reply snapshot(SnapshotTransfer.Request request) {
        return replica.snapshot(request);
    }

    /** The client API ({@link KvApi}) and catch-up, for a transport to mount. */
    public Routes routes() {
        return Routes.none()
                .on(KvApi.GET, ref -> get(ref.key()))
                .on(KvApi.PUT, this::write)
                .on(KvApi.APPEND, this::write)
                .and(replica.routes());
    }

    /** A Paxos message arrived: the log may have changed, so the replica ticks at once. */
    public void wake() {
        replica.wake();
    }

    public ReplicatedStateMachine.Status status() {
        return replica.status();
    }

    public int keys() {
        return store.keys();
    }

    @Override
    public void close() {
        replica.close();
    }
}
