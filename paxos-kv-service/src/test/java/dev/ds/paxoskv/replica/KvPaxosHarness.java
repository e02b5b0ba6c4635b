package dev.ds.paxoskv.replica;

import dev.ds.client.Retry;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.paxos.core.Bootstrap;
import dev.ds.paxos.core.PaxosConfig;
import dev.ds.paxos.core.PaxosListener;
import dev.ds.paxos.runtime.PaxosNode;
import dev.ds.paxos.storage.InMemoryStorage;
import dev.ds.paxoskv.kv.KvCommand;
import dev.ds.rpc.memory.InMemoryNetwork;
import dev.ds.rsm.paxos.PaxosLog;
import dev.ds.rsm.runtime.ReplicaSettings;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.cluster.Cluster;
import dev.ds.rpc.RpcClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Paxos key/value replicas on one in-memory network, as in the 6.824 kvpaxos tests. */
final class KvPaxosHarness implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final Duration OP_TIMEOUT = Duration.ofSeconds(1);

    /** A replica: its Paxos peer and the key/value service over it. */
    record Node(PaxosNode paxos, KvReplica kv) { }

    final InMemoryNetwork network;
    final Cluster<Node> servers;
    private final long seed;

    KvPaxosHarness(String test, int n) {
        seed = Seeds.seed(test);
        network = new InMemoryNetwork(seed);
        servers = new Cluster<>(network, Cluster.addresses("kv", n), this::startNode, node -> {
            node.kv().close();
            node.paxos().halt();
        });
    }

    private Node startNode(int index, InMemoryNetwork.Server server, RpcClient rpc) {
        PaxosNode paxos = PaxosNode.start(PaxosConfig.of(index, servers.size(), Bootstrap.NEW), new InMemoryStorage(),
                rpc, servers.addresses(), PaxosListener.NONE, new Random(seed + index));
        server.serve(paxos.routes());
        KvReplica kv = new KvReplica(PaxosLog.json(paxos.peer(), KvCommand.class),
                ReplicaSettings.inGroup(server.address(), server.address() + "/" + seed, OP_TIMEOUT, 1000, rpc,
                        servers.addresses(), index));
        server.serve(kv.routes());
        return new Node(paxos, kv);
    }

    /** A client that knows the given replicas (all of them when none are given). */
    PaxosKvClient client(String name, Integer... replicas) {
        List<String> known = replicas.length == 0 ? servers.addresses()
                : Arrays.stream(replicas).map(servers::address).toList();
        return new PaxosKvClient(network.client(name), known, new Retry(DEADLINE), name);
    }

    PaxosKvClient impatientClient(String name, Duration patience, Integer... replicas) {
        List<String> known = Arrays.stream(replicas).map(servers::address).toList();
        return new PaxosKvClient(network.client(name), known, new Retry(patience), name);
    }

    @Override
    public void close() {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.node(i) != null) {
                servers.node(i).kv().close();
                servers.node(i).paxos().close();
            }
        }
    }
}
