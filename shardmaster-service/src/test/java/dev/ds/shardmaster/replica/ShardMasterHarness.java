package dev.ds.shardmaster.replica;

import dev.ds.client.Retry;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.paxos.core.Bootstrap;
import dev.ds.paxos.core.PaxosConfig;
import dev.ds.paxos.core.PaxosListener;
import dev.ds.paxos.runtime.PaxosNode;
import dev.ds.paxos.storage.InMemoryStorage;
import dev.ds.rpc.RpcClient;
import dev.ds.rpc.memory.InMemoryNetwork;
import dev.ds.rsm.paxos.PaxosLog;
import dev.ds.rsm.runtime.ReplicaSettings;
import dev.ds.shardmaster.master.MasterCommand;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.cluster.Cluster;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Shard master replicas on one in-memory network, as in the 6.824 shardmaster tests. */
final class ShardMasterHarness implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final Duration OP_TIMEOUT = Duration.ofSeconds(1);
    static final int N_SHARDS = 10;

    /** A replica: its Paxos peer and the shard master over it. */
    record Node(PaxosNode paxos, ShardMasterReplica master) { }

    final InMemoryNetwork network;
    final Cluster<Node> servers;
    private final long seed;

    ShardMasterHarness(String test, int n) {
        seed = Seeds.seed(test);
        network = new InMemoryNetwork(seed);
        servers = new Cluster<>(network, Cluster.addresses("sm", n), this::startNode, node -> {
            node.master().close();
            node.paxos().halt();
        });
    }

    private Node startNode(int index, InMemoryNetwork.Server server, RpcClient rpc) {
        PaxosNode paxos = PaxosNode.start(PaxosConfig.of(index, servers.size(), Bootstrap.NEW), new InMemoryStorage(),
                rpc, servers.addresses(), PaxosListener.NONE, new Random(seed + index));
        server.serve(paxos.routes());
        ShardMasterReplica master = new ShardMasterReplica(PaxosLog.json(paxos.peer(), MasterCommand.class), N_SHARDS,
                ReplicaSettings.inGroup(server.address(), server.address() + "/" + seed, OP_TIMEOUT, 1000, rpc,
                        servers.addresses(), index));
        server.serve(master.routes());
        return new Node(paxos, master);
    }

    /** A client that knows the given replicas (all of them when none are given). */
    ShardMasterClient client(String name, Integer... replicas) {
        List<String> known = replicas.length == 0 ? servers.addresses()
                : Arrays.stream(replicas).map(servers::address).toList();
        return new ShardMasterClient(network.client(name), known, new Retry(DEADLINE), name);
    }

    @Override
    public void close() {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.node(i) != null) {
                servers.node(i).master().close();
                servers.node(i).paxos().close();
            }
        }
    }
}
