package dev.ds.testkit.cluster;

import dev.ds.rpc.RpcClient;
import dev.ds.rpc.memory.InMemoryNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A group of nodes on one {@link InMemoryNetwork}, addressed by index as in the 6.824 tests.
 *
 * <p>A node is whatever the protocol under test builds: {@link NodeFactory} registers its
 * handlers on the node's {@link InMemoryNetwork.Server} and gives it an {@link RpcClient} that
 * sends from its own address, so partitions and kills apply to what it sends as well as to what
 * it receives. {@code onKill} stops the node's own threads, if it has any.
 *
 * @param <N> the node type
 */
public final class Cluster<N> {

    /** Builds node {@code index} at {@code address}; called by {@link #start} and {@link #restart}. */
    @FunctionalInterface
    public interface NodeFactory<N> {
        N start(int index, InMemoryNetwork.Server server, RpcClient rpc);
    }

    private final InMemoryNetwork network;
    private final List<String> addresses;
    private final NodeFactory<N> factory;
    private final Consumer<N> onKill;
    private final List<N> nodes;

    public Cluster(InMemoryNetwork network, List<String> addresses, NodeFactory<N> factory, Consumer<N> onKill) {
        this.network = network;
        this.addresses = List.copyOf(addresses);
        this.factory = factory;
        this.onKill = onKill;
        this.nodes = new ArrayList<>(Collections.nCopies(addresses.size(), null));
    }

    /** Addresses {@code prefix-0 ... prefix-(n-1)}. */
    public static List<String> addresses(String prefix, int n) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(prefix + "-" + i);
        }
        return result;
    }

    public InMemoryNetwork network() {
        return network;
    }

    public int size() {
        return addresses.size();
    }

    public String address(int index) {
        return addresses.get(index);
    }

    public List<String> addresses() {
        return addresses;
    }

    public N node(int index) {
        return nodes.get(index);
    }

    /** Starts every node. */
    public Cluster<N> startAll() {
        for (int i = 0; i < size(); i++) {
            start(i);
        }
        return this;
    }

    public synchronized N start(int index) {
        String address = addresses.get(index);
        N node = factory.start(index, network.server(address), network.client(address));
        nodes.set(index, node);
        return node;
    }

    /** Crashes node {@code index}: it neither receives nor sends, and its threads stop. */
    public synchronized void kill(int index) {
        network.kill(addresses.get(index));
        N node = nodes.get(index);
        if (node != null) {
            onKill.accept(node);
        }
    }

    /** Kills node {@code index} if it runs, then starts a fresh one at the same address. */
    public synchronized N restart(int index) {
        kill(index);
        return start(index);
    }

    /** Splits the nodes, given by index, into groups that can only talk among themselves. */
    @SafeVarargs
    public final void partition(List<Integer>... groups) {
        @SuppressWarnings("unchecked")
        List<String>[] named = Arrays.stream(groups)
                .map(group -> group.stream().map(addresses::get).toList())
                .toArray(List[]::new);
        network.partition(named);
    }

    public void heal() {
        network.heal();
    }

    /** The 6.824 unreliable switch on every node: 10% of requests and 20% of replies lost. */
    public void setUnreliable(boolean unreliable) {
        network.setUnreliable(unreliable, addresses);
    }

    /** RPCs executed by node {@code index} since it was (re)started. */
    public long rpcCount(int index) {
        return network.rpcCount(addresses.get(index));
    }
}
