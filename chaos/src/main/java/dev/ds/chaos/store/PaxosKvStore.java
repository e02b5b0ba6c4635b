package dev.ds.chaos.store;

import dev.ds.chaos.node.NodeProcess;
import dev.ds.chaos.node.Nodes;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvClient;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.rpc.RpcClient;
import java.util.ArrayList;
import java.util.List;

/** The Paxos key/value store: 3 or 5 replicas, each durable on its own data dir. */
public final class PaxosKvStore implements Store {

    private final List<NodeProcess> nodes = new ArrayList<>();

    /**
     * @param plantedBug turns on the test-only {@code paxoskv.test.unsafe-local-reads} on every
     *     replica: reads answered from local state, which the runner must catch
     */
    public PaxosKvStore(Nodes factory, int replicas, boolean plantedBug) {
        Nodes.Group group = factory.group(replicas);
        for (int i = 0; i < replicas; i++) {
            List<String> args = new ArrayList<>(List.of("--node.peers=" + group.peers(), "--node.me=" + i));
            if (plantedBug) {
                args.add("--paxoskv.test.unsafe-local-reads=true");
            }
            nodes.add(factory.create("paxos-kv-" + i, "paxos-kv-service", group.ports().get(i), args, true));
        }
    }

    @Override
    public String name() {
        return "paxos-kv";
    }

    @Override
    public List<NodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public List<List<NodeProcess>> groups() {
        return List.of(nodes());
    }

    @Override
    public KvClient client(RpcClient rpc, int index, Retry retry) {
        List<String> urls = nodes.stream().map(NodeProcess::url).toList();
        return new PaxosKvClient(rpc, Store.rotated(urls, index), retry, "chaos-paxos-kv-" + index);
    }

    @Override
    public boolean mayKill(NodeProcess node) {
        return true;
    }
}
