package dev.ds.rsm.boot;

import dev.ds.paxos.boot.GroupSettings;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.rpc.RpcClient;
import dev.ds.rsm.Log;
import dev.ds.rsm.Snapshots;
import dev.ds.rsm.paxos.PaxosLog;
import dev.ds.rsm.runtime.FileSnapshots;
import dev.ds.rsm.runtime.ReplicaSettings;
import java.util.UUID;

/**
 * What a service needs to build its replica on this node: the log over this node's Paxos peer and
 * the replica's settings, from the service's {@link ReplicaProperties} and the group's settings.
 * Snapshots go to {@code node.data-dir}/{@code folder} when there is a data dir (durable: a restart
 * loads the snapshot and replays the Paxos log after it), nowhere without one; a replica the log
 * has left behind catches up from the group's other replicas, and its read fence asks them.
 */
public record ReplicaAssembly(PaxosPeer peer, GroupSettings group, RpcClient rpc, ReplicaProperties properties) {

    /** The log of {@code entryType} entries over this node's Paxos peer. */
    public <E> Log<E> log(Class<E> entryType) {
        return PaxosLog.json(peer, entryType);
    }

    /** The settings of this node's replica, named {@code name} in logs and threads. */
    public ReplicaSettings settings(String name) {
        Snapshots snapshots = group.dataDir() == null ? Snapshots.NONE
                : new FileSnapshots(group.dataDir().resolve(properties.folder()).resolve("snapshot.json"));
        // Entry ids must never repeat across restarts: a random incarnation per start.
        return ReplicaSettings.inGroup(name, group.me() + "/" + UUID.randomUUID(), properties.opTimeout(),
                properties.maxQueued(), rpc, group.peers(), group.me())
                .withSnapshots(snapshots, properties.snapshotEvery());
    }

    /** This node's index in its group. */
    public int me() {
        return group.me();
    }
}
