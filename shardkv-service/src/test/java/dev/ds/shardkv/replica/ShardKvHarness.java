package dev.ds.shardkv.replica;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.Retry;
import dev.ds.client.shardkv.ShardKvClient;
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
import dev.ds.shardkv.group.GroupState;
import dev.ds.shardkv.group.ShardKvCommand;
import dev.ds.shardmaster.master.MasterCommand;
import dev.ds.shardmaster.replica.ShardMasterReplica;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.cluster.Cluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The 6.824 shardkv test set-up on one in-memory network: three shard master replicas and
 * {@code groups} replica groups of {@code perGroup} shardkv servers each (gids 100, 101, ...),
 * every server with its Paxos peer, its replica and its migrator.
 */
final class ShardKvHarness implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final Duration OP_TIMEOUT = Duration.ofSeconds(1);
    static final Duration POLL = Duration.ofMillis(25);
    /** Shorter than production's, so that a test's shutdown never waits long for a held watch. */
    static final Duration WATCH_WAIT = Duration.ofMillis(500);
    static final int N_SHARDS = 10;

    /** A shardkv server. */
    record Node(PaxosNode paxos, ShardKvReplica kv, Migrator migrator) {
        /** A crash: the threads stop, nothing more is sent or answered. */
        void stop() {
            migrator.close();
            kv.close();
            paxos.halt();
        }
    }

    /** A shard master replica. */
    record Master(PaxosNode paxos, ShardMasterReplica master) { }

    final InMemoryNetwork network;
    final Cluster<Master> masters;
    final List<Cluster<Node>> groups = new ArrayList<>();
    private final long seed;
    private final ShardMasterClient admin;

    ShardKvHarness(String test, int nGroups, int perGroup) {
        seed = Seeds.seed(test);
        network = new InMemoryNetwork(seed);
        masters = new Cluster<>(network, Cluster.addresses("sm", 3), this::startMaster, master -> {
            master.master().close();
            master.paxos().halt();
        });
        masters.startAll();
        for (int g = 0; g < nGroups; g++) {
            long gid = gid(g);
            List<String> peers = Cluster.addresses("g" + gid, perGroup);
            Cluster<Node> group = new Cluster<>(network, peers,
                    (index, server, rpc) -> startNode(gid, peers, index, server, rpc), Node::stop);
            groups.add(group);
        }
        groups.forEach(Cluster::startAll);
        admin = new ShardMasterClient(network.client("admin"), masters.addresses(), new Retry(DEADLINE), "admin");
    }

    static long gid(int group) {
        return 100 + group;
    }

    private Master startMaster(int index, InMemoryNetwork.Server server, RpcClient rpc) {
        PaxosNode paxos = PaxosNode.start(PaxosConfig.of(index, 3, Bootstrap.NEW), new InMemoryStorage(), rpc,
                masters.addresses(), PaxosListener.NONE, new Random(seed + index));
        server.serve(paxos.routes());
        ShardMasterReplica master = new ShardMasterReplica(PaxosLog.json(paxos.peer(), MasterCommand.class), N_SHARDS,
                ReplicaSettings.inGroup(server.address(), server.address() + "/" + seed, OP_TIMEOUT, 1000, rpc,
                        masters.addresses(), index));
        server.serve(master.routes());
        return new Master(paxos, master);
    }

    private Node startNode(long gid, List<String> peers, int index, InMemoryNetwork.Server server, RpcClient rpc) {
        PaxosNode paxos = PaxosNode.start(PaxosConfig.of(index, peers.size(), Bootstrap.NEW), new InMemoryStorage(),
                rpc, peers, PaxosListener.NONE, new Random(seed + gid * 10 + index));
        server.serve(paxos.routes());
        ShardKvReplica kv = new ShardKvReplica(gid, N_SHARDS, PaxosLog.json(paxos.peer(), ShardKvCommand.class), rpc,
                ReplicaSettings.inGroup(server.address(), server.address() + "/" + seed, OP_TIMEOUT, 1000, rpc,
                        peers, index));
        server.serve(kv.routes());
        ShardMasterClient master = new ShardMasterClient(rpc, masters.addresses(), new Retry(OP_TIMEOUT),
                server.address());
        return new Node(paxos, kv, new Migrator(server.address(), kv, master, rpc, POLL, WATCH_WAIT, index));
    }

    void join(int group) {
        admin.join(gid(group), groups.get(group).addresses());
    }

    void leave(int group) {
        admin.leave(gid(group));
    }

    void move(int shard, int group) {
        admin.move(shard, gid(group));
    }

    Config latestConfig() {
        return admin.latest();
    }

    ShardKvClient client(String name) {
        return client(name, DEADLINE);
    }

    ShardKvClient client(String name, Duration patience) {
        return new ShardKvClient(network.client(name), masters.addresses(), new Retry(patience), name);
    }

    /** Every server of every group. */
    List<String> servers() {
        return groups.stream().flatMap(group -> group.addresses().stream()).toList();
    }

    void setUnreliable(boolean unreliable) {
        network.setUnreliable(unreliable, servers());
    }

    void forEachLiveNode(Consumer<Node> action) {
        for (Cluster<Node> group : groups) {
            for (int i = 0; i < group.size(); i++) {
                if (network.isAlive(group.address(i)) && group.node(i) != null) {
                    action.accept(group.node(i));
                }
            }
        }
    }

    /** Waits until {@code condition} holds on every live server of {@code group}. */
    void awaitAll(int group, String what, Predicate<GroupState.GroupView> condition) {
        Cluster<Node> servers = groups.get(group);
        Await.until("group " + gid(group) + " " + what, DEADLINE, () -> {
            for (int i = 0; i < servers.size(); i++) {
                if (network.isAlive(servers.address(i)) && !condition.test(servers.node(i).kv().view())) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Waits until {@code group} has applied the latest configuration and holds nothing: all handed over and deleted. */
    void awaitDrained(int group) {
        long latest = latestConfig().num();
        awaitAll(group, "drained at configuration " + latest, view -> view.config() >= latest
                && view.serving().isEmpty() && view.pulling().isEmpty() && view.handingOff().isEmpty());
    }

    @Override
    public void close() {
        for (Cluster<Node> group : groups) {
            for (int i = 0; i < group.size(); i++) {
                if (network.isAlive(group.address(i))) {
                    group.kill(i);
                }
            }
        }
        for (int i = 0; i < masters.size(); i++) {
            masters.node(i).master().close();
            masters.node(i).paxos().close();
        }
    }
}
