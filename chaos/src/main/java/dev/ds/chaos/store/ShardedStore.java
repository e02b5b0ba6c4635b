package dev.ds.chaos.store;

import dev.ds.api.shardmaster.Config;
import dev.ds.chaos.node.NodeHttp;
import dev.ds.chaos.node.NodeProcess;
import dev.ds.chaos.node.Nodes;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvClient;
import dev.ds.client.shardkv.ShardKvClient;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.rpc.RpcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Three shard masters and two or three shardkv groups of three, every node durable. The nemesis
 * also moves shards between groups while clients run, so that faults meet migrations; afterwards
 * every shard master replica must hold the same configurations.
 */
public final class ShardedStore implements Store {

    private static final long FIRST_GID = 100;

    private final List<NodeProcess> masters = new ArrayList<>();
    private final Map<Long, List<NodeProcess>> groups = new LinkedHashMap<>();

    public ShardedStore(Nodes factory, int groupCount) {
        Nodes.Group masterGroup = factory.group(3);
        String masterList = masterGroup.peers();
        for (int i = 0; i < 3; i++) {
            masters.add(factory.create("shardmaster-" + i, "shardmaster-service", masterGroup.ports().get(i),
                    List.of("--node.peers=" + masterList, "--node.me=" + i), true));
        }
        for (int g = 0; g < groupCount; g++) {
            long gid = FIRST_GID + g;
            Nodes.Group peers = factory.group(3);
            List<NodeProcess> group = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                group.add(factory.create("shardkv-" + gid + "-" + i, "shardkv-service", peers.ports().get(i),
                        List.of("--node.peers=" + peers.peers(), "--node.me=" + i, "--shardkv.gid=" + gid,
                                "--shardkv.shardmasters=" + masterList), true));
            }
            groups.put(gid, group);
        }
    }

    @Override
    public String name() {
        return "shardkv";
    }

    @Override
    public List<NodeProcess> nodes() {
        List<NodeProcess> all = new ArrayList<>(masters);
        groups.values().forEach(all::addAll);
        return all;
    }

    @Override
    public List<List<NodeProcess>> groups() {
        List<List<NodeProcess>> all = new ArrayList<>(List.of(List.copyOf(masters)));
        groups.values().forEach(group -> all.add(List.copyOf(group)));
        return all;
    }

    private List<String> masterUrls() {
        return masters.stream().map(NodeProcess::url).toList();
    }

    /** Joins every group: the groups serve nothing until the shard master knows them. */
    @Override
    public void setUp(RpcClient rpc) {
        ShardMasterClient admin = new ShardMasterClient(rpc, masterUrls(), new Retry(Duration.ofSeconds(60)),
                "chaos-admin-join");
        groups.forEach((gid, group) -> admin.join(gid, group.stream().map(NodeProcess::url).toList()));
    }

    @Override
    public KvClient client(RpcClient rpc, int index, Retry retry) {
        return new ShardKvClient(rpc, Store.rotated(masterUrls(), index), retry, "chaos-shardkv-" + index);
    }

    @Override
    public boolean mayKill(NodeProcess node) {
        return true;
    }

    @Override
    public boolean reconfigures() {
        return true;
    }

    @Override
    public Optional<String> reconfigure(RpcClient rpc, Random random) {
        List<Long> gids = new ArrayList<>(groups.keySet());
        ShardMasterClient admin = new ShardMasterClient(rpc, masterUrls(), new Retry(Duration.ofSeconds(20)),
                "chaos-admin-" + random.nextLong());
        Config latest = admin.latest();
        int shard = random.nextInt(latest.nShards());
        long gid = gids.get(random.nextInt(gids.size()));
        admin.move(shard, gid);
        return Optional.of("move shard " + shard + " to group " + gid);
    }

    @Override
    public Optional<String> ownCheckName() {
        return Optional.of("shard master configurations agree across replicas");
    }

    /** Asks each shard master replica, on its own, for every configuration, and compares the answers. */
    @Override
    public List<String> ownChecks(RpcClient rpc) {
        List<String> problems = new ArrayList<>();
        Config latest = new ShardMasterClient(rpc, masterUrls(), new Retry(Duration.ofSeconds(60)), "chaos-check")
                .latest();
        for (long num = 0; num <= latest.num(); num++) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (NodeProcess master : masters) {
                answers.put(master.name(), configAt(master, num));
            }
            if (answers.values().stream().distinct().count() != 1) {
                problems.add("configuration " + num + " differs: " + answers);
            }
        }
        if (problems.isEmpty() && latest.num() < 1) {
            problems.add("no configuration beyond 0: the groups never joined");
        }
        return problems;
    }

    private static String configAt(NodeProcess master, long num) {
        for (int attempt = 0; attempt < 30; attempt++) {
            NodeHttp.Answer answer = NodeHttp.get(master.url() + "/api/shardmaster/config/" + num, Duration.ofSeconds(5));
            if (answer.status() == 200) {
                return answer.body();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "(no answer)";
    }
}
