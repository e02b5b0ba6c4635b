package dev.ds.paxos.core;

/**
 * What a peer that finds its storage empty (it has never started on it) may assume: the setting
 * {@code node.initial-cluster-state}, read only then, as etcd reads {@code --initial-cluster-state}.
 * Storage that holds anything is followed as it is.
 */
public enum Bootstrap {
    /**
     * A new member: it votes at once. Until it has taken part in anything it also asks every peer
     * once whether they have seen it before (a number it proposed, its done value, a minimum every
     * peer reached); if a reachable one has, its disk was lost, and it behaves as {@link #EXISTING}.
     * A member that joins a running group late, never having run, votes at once like the others:
     * it has nothing to forget, and making it abstain would only cost liveness.
     */
    NEW,
    /** Empty storage is a lost disk: the peer follows the lost-disk rule before it votes. */
    EXISTING
}
