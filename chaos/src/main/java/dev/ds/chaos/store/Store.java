package dev.ds.chaos.store;

import dev.ds.chaos.node.NodeProcess;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvClient;
import dev.ds.rpc.RpcClient;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One store under test, as real processes: its nodes, how to bring it up, a client, and which
 * faults it can take. The nemesis faults one replica group at a time.
 */
public interface Store {

    /** A short name: {@code paxos-kv}, {@code shardkv}, {@code pb}. */
    String name();

    List<NodeProcess> nodes();

    /** The groups of nodes that talk to each other and may be partitioned among themselves. */
    List<List<NodeProcess>> groups();

    /** Brings the store to serving once its nodes are up (joins groups, for one). */
    default void setUp(RpcClient rpc) {
    }

    /** A new client, the {@code index}-th of the workload. */
    KvClient client(RpcClient rpc, int index, Retry retry);

    /** Whether the nemesis may kill {@code node} with SIGKILL and restart it. */
    boolean mayKill(NodeProcess node);

    /** Whether the nemesis may pause {@code node} with SIGSTOP. */
    default boolean mayPause(NodeProcess node) {
        return mayKill(node);
    }

    /** Waits, after a restart, until the store can take the next fault without losing state it was entrusted. */
    default void awaitSettled(RpcClient rpc) {
    }

    /** Whether {@link #reconfigure} does anything. */
    default boolean reconfigures() {
        return false;
    }

    /** A change of the store's own configuration the nemesis may make, described; empty if none. */
    default Optional<String> reconfigure(RpcClient rpc, Random random) {
        return Optional.empty();
    }

    /** Checks of the store's own, after the run has healed: failures as text, empty when fine. */
    default List<String> ownChecks(RpcClient rpc) {
        return List.of();
    }

    /** The name of the store's own check, or empty if it has none. */
    default Optional<String> ownCheckName() {
        return Optional.empty();
    }

    /** Rotates {@code urls} so that client {@code index} starts at a different replica than its neighbours. */
    static List<String> rotated(List<String> urls, int index) {
        int shift = index % urls.size();
        List<String> result = new java.util.ArrayList<>(urls.subList(shift, urls.size()));
        result.addAll(urls.subList(0, shift));
        return result;
    }
}
