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
import dev.ds.rsm.runtime.Replica;
import dev.ds.rsm.runtime.ReplicaSettings;
import dev.ds.rsm.runtime.Replicated;
import dev.ds.api.kv.KvService;

/**
 * One replica of the Paxos key/value store (6.824 lab 3B). Every operation, reads included, is a
 * log entry: it is answered once the instance holding it has been applied here, which makes every
 * answer linearizable. A replica that cannot get decisions (no majority) waits {@code timeout} and
 * answers {@code ErrTimeout}: it never answers from state that may be stale.
 */
public final class KvReplica implements KvService, Replicated, AutoCloseable {

    private final KvStore store = new KvStore();
    private final Replica<KvCommand, KvResult> replica;
    private final boolean unsafeLocalReads;

    public KvReplica(Log<KvCommand> log, ReplicaSettings settings) {
        this(log, settings, false);
    }

    /**
     * {@code unsafeLocalReads} is a planted bug for the chaos runner's own test, never for use:
     * GETs are answered from this replica's applied state without a log entry, so a replica that is
     * behind or cut off answers stale data, which the runner must report as not linearizable.
     */
    public KvReplica(Log<KvCommand> log, ReplicaSettings settings, boolean unsafeLocalReads) {
        this.replica = new Replica<>(log, store, KvCommand::noop, KvResult.class, settings);
        this.unsafeLocalReads = unsafeLocalReads;
    }

    @Override
    public KvValue get(String key) {
        KvResult result = unsafeLocalReads ? new KvResult(store.peek(key)) : replica.execute(id -> KvCommand.get(id, key));
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

    /** The client API ({@link KvApi}) and catch-up, for a transport to mount. */
    public Routes routes() {
        return Routes.none()
                .on(KvApi.GET, ref -> get(ref.key()))
                .on(KvApi.PUT, this::write)
                .on(KvApi.APPEND, this::write)
                .and(replica.routes());
    }

    @Override
    public Replica<KvCommand, KvResult> replica() {
        return replica;
    }

    public int keys() {
        return store.keys();
    }

    @Override
    public void close() {
        replica.close();
    }
}
