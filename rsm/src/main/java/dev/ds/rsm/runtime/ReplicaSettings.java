package dev.ds.rsm.runtime;

import dev.ds.rpc.RpcClient;
import dev.ds.rsm.Snapshots;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one replica of a service on the log runs: every setting the shared replica stack takes, so
 * that a service's replica class takes its log, its own state and this, and nothing else.
 *
 * @param name the replica's name in logs and thread names
 * @param incarnation a prefix that makes this start's entry ids unique: entry ids must never repeat
 *     across restarts
 * @param timeout how long a request waits for its decision before {@code ErrTimeout}
 * @param maxQueued requests that may wait for decisions at once
 * @param snapshots where snapshots go ({@link Snapshots#NONE} keeps none)
 * @param snapshotEvery applied instances between snapshots
 * @param catchUp where a replica the log has left behind gets a snapshot
 * @param horizon whom a read fence asks how far the log has gone
 */
public record ReplicaSettings(String name, String incarnation, Duration timeout, int maxQueued,
        Snapshots snapshots, int snapshotEvery, CatchUp catchUp, Horizon horizon) {

    public ReplicaSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(incarnation, "incarnation");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(catchUp, "catchUp");
        Objects.requireNonNull(horizon, "horizon");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued: must be at least 1, was " + maxQueued);
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery: must be at least 1, was " + snapshotEvery);
        }
    }

    /** A replica on its own: no snapshots, no catch-up, a read fence that asks nobody. */
    public static ReplicaSettings alone(String name, String incarnation, Duration timeout, int maxQueued) {
        return new ReplicaSettings(name, incarnation, timeout, maxQueued, Snapshots.NONE, 1, CatchUp.NONE,
                Horizon.ALONE);
    }

    /**
     * Replica {@code me} of the group at {@code peers}: it catches up from and fences its reads with
     * the other replicas, reached through {@code rpc}. Without snapshots until {@link #withSnapshots}.
     */
    public static ReplicaSettings inGroup(String name, String incarnation, Duration timeout, int maxQueued,
            RpcClient rpc, List<String> peers, int me) {
        return new ReplicaSettings(name, incarnation, timeout, maxQueued, Snapshots.NONE, 1,
                CatchUp.fromGroup(rpc, peers, me), Horizon.fromGroup(rpc, peers, me));
    }

    public ReplicaSettings withSnapshots(Snapshots store, int every) {
        return new ReplicaSettings(name, incarnation, timeout, maxQueued, store, every, catchUp, horizon);
    }
}
