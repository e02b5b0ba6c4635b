package dev.ds.chaos.nemesis;

/** The faults the nemesis injects, one at a time, into one replica group. */
public enum FaultKind {
    /** SIGKILL one node, restart it on the same data dir. */
    KILL,
    /** SIGKILL one node, wipe its data dir, restart it with {@code node.initial-cluster-state=existing}. */
    WIPE,
    /** SIGSTOP one node, SIGCONT it later. */
    PAUSE,
    /** Chaos API: the group split into two halves that cannot talk. */
    PARTITION_HALVES,
    /** Chaos API: each node talks only to its neighbours on a ring (each sees a majority, no two the same). */
    PARTITION_RING,
    /** Chaos API: two halves that only one bridge node connects. */
    PARTITION_BRIDGE,
    /** Chaos API: one node cannot send to another, which can still send to it. */
    PARTITION_ONE_WAY,
    /** Chaos API: 6.824's unreliable network (10% of requests and 20% of replies lost) on every node of the group. */
    UNRELIABLE,
    /** Chaos API: one node delays every request it receives. */
    SLOW,
    /** Network namespaces: packets dropped between two halves of the group. */
    NET_PARTITION,
    /** Network namespaces: packet loss and duplication (and delay, with netem) on every node of the group. */
    NET_DEGRADE,
    /** A change of the store's configuration (a shard moved between groups). */
    RECONFIGURE
}
