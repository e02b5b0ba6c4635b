package dev.ds.chaos.nemesis;

import dev.ds.chaos.node.ChaosApi;
import dev.ds.chaos.node.Network;
import dev.ds.chaos.node.NodeProcess;
import dev.ds.chaos.store.Store;
import dev.ds.rpc.RpcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Injects faults from a seeded schedule: one fault at a time, into one replica group of one store,
 * held for a while, then healed, then a quiet moment. Every choice (store, group, kind, target,
 * shape, duration) comes from one {@link Random} seeded with the run's seed, so a seed replays the
 * same schedule.
 */
public final class Nemesis {

    private static final Logger LOG = LoggerFactory.getLogger(Nemesis.class);
    private static final Duration RESTART_PATIENCE = Duration.ofSeconds(120);

    private final List<Store> stores;
    private final Network network;
    private final RpcClient rpc;
    private final Timeline timeline;
    private final Random random;
    private final Duration holdMax;
    private final Set<FaultKind> allowed;

    public Nemesis(List<Store> stores, Network network, RpcClient rpc, Timeline timeline, long seed, Duration holdMax,
            Set<FaultKind> allowed) {
        this.allowed = allowed;
        this.stores = stores;
        this.network = network;
        this.rpc = rpc;
        this.timeline = timeline;
        this.random = new Random(seed);
        this.holdMax = holdMax;
    }

    /** Runs faults until {@code duration} has passed, then heals everything. */
    public void run(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        try {
            while (System.nanoTime() - end < 0) {
                Store store = stores.get(random.nextInt(stores.size()));
                List<NodeProcess> group = store.groups().get(random.nextInt(store.groups().size()));
                FaultKind kind = choose(store, group);
                long hold = 1_000 + (long) (random.nextDouble() * Math.max(0, holdMax.toMillis() - 1_000));
                inject(store, group, kind, Math.min(hold, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
                sleep(500 + random.nextInt(1_500));
            }
        } finally {
            healAll();
        }
    }

    private FaultKind choose(Store store, List<NodeProcess> group) {
        List<FaultKind> kinds = new ArrayList<>(List.of(FaultKind.KILL, FaultKind.PAUSE, FaultKind.PARTITION_HALVES,
                FaultKind.PARTITION_BRIDGE, FaultKind.PARTITION_ONE_WAY, FaultKind.UNRELIABLE, FaultKind.SLOW));
        if (group.size() >= 4) {
            kinds.add(FaultKind.PARTITION_RING);
        }
        if (group.stream().anyMatch(NodeProcess::durable)) {
            kinds.add(FaultKind.WIPE);
        }
        if (network.packetFaults()) {
            kinds.addAll(List.of(FaultKind.NET_PARTITION, FaultKind.NET_DEGRADE, FaultKind.NET_PARTITION,
                    FaultKind.NET_DEGRADE));
        }
        if (store.reconfigures()) {
            kinds.add(FaultKind.RECONFIGURE);
        }
        kinds.retainAll(allowed);
        return kinds.isEmpty() ? null : kinds.get(random.nextInt(kinds.size()));
    }

    private void inject(Store store, List<NodeProcess> group, FaultKind kind, long holdMs) {
        if (kind == null) {
            sleep(holdMs);
            return;
        }
        switch (kind) {
            case KILL, WIPE, PAUSE -> crash(store, group, kind, holdMs);
            case RECONFIGURE -> {
                int n = timeline.begin(kind, store.name(), "reconfiguring");
                try {
                    LOG.info("fault {}: {} {}", n, kind, store.reconfigure(rpc, random).orElse("nothing"));
                } catch (RuntimeException e) {
                    LOG.warn("fault {}: reconfiguration failed: {}", n, e.toString());
                }
                timeline.end(n);
            }
            default -> network(store, group, kind, holdMs);
        }
    }

    private void crash(Store store, List<NodeProcess> group, FaultKind kind, long holdMs) {
        List<NodeProcess> targets = group.stream()
                .filter(node -> kind == FaultKind.PAUSE ? store.mayPause(node) : store.mayKill(node))
                .filter(node -> kind != FaultKind.WIPE || node.durable())
                .toList();
        if (targets.isEmpty()) {
            return;
        }
        NodeProcess node = targets.get(random.nextInt(targets.size()));
        int n = timeline.begin(kind, store.name(), kind.name().toLowerCase() + " " + node.name());
        LOG.info("fault {}: {} {} for {} ms", n, kind, node, holdMs);
        if (kind == FaultKind.PAUSE) {
            node.pause();
            sleep(holdMs);
            node.resume();
        } else {
            node.kill();
            if (kind == FaultKind.WIPE) {
                node.wipe();
            }
            sleep(holdMs);
            restart(store, node, kind == FaultKind.WIPE);
        }
        timeline.end(n);
    }

    private void restart(Store store, NodeProcess node, boolean lostDisk) {
        node.start(lostDisk ? List.of("--node.initial-cluster-state=existing") : List.of());
        if (!node.awaitHealthy(RESTART_PATIENCE)) {
            LOG.warn("{} was not healthy within {} of its restart; see {}", node, RESTART_PATIENCE, node.log());
        }
        store.awaitSettled(rpc);
    }

    private void network(Store store, List<NodeProcess> group, FaultKind kind, long holdMs) {
        List<NodeProcess> nodes = new ArrayList<>(group);
        Collections.shuffle(nodes, random);
        Map<NodeProcess, Set<NodeProcess>> cut = switch (kind) {
            case PARTITION_HALVES, NET_PARTITION -> halves(nodes);
            case PARTITION_RING -> ring(nodes);
            case PARTITION_BRIDGE -> bridge(nodes);
            case PARTITION_ONE_WAY -> Map.of(nodes.get(0), Set.of(nodes.get(1)));
            default -> Map.of();
        };
        String description = switch (kind) {
            case UNRELIABLE -> "unreliable " + names(nodes);
            case SLOW -> "slow " + nodes.get(0).name() + " (300 ms per request)";
            case NET_DEGRADE -> "degraded " + names(nodes) + ": " + degradation();
            default -> kind.name().toLowerCase() + " " + describe(cut);
        };
        int n = timeline.begin(kind, store.name(), description);
        LOG.info("fault {}: {} for {} ms", n, description, holdMs);
        try {
            switch (kind) {
                case UNRELIABLE -> nodes.forEach(node -> ChaosApi.unreliable(node, 0.1, 0.2));
                case SLOW -> ChaosApi.delay(nodes.get(0), 300);
                case NET_DEGRADE -> network.degrade(nodes, degradation());
                case NET_PARTITION -> network.drop(cut);
                default -> cut.forEach(ChaosApi::block);
            }
            sleep(holdMs);
        } finally {
            group.forEach(ChaosApi::clear);
            network.heal(group);
            timeline.end(n);
        }
    }

    private Network.Degradation degradation() {
        return new Network.Degradation(5, 2, network.delays() ? 40 : 0);
    }

    private static Map<NodeProcess, Set<NodeProcess>> halves(List<NodeProcess> nodes) {
        int split = nodes.size() / 2;
        return between(nodes.subList(0, split), nodes.subList(split, nodes.size()));
    }

    private static Map<NodeProcess, Set<NodeProcess>> bridge(List<NodeProcess> nodes) {
        List<NodeProcess> rest = nodes.subList(1, nodes.size());
        int split = rest.size() / 2;
        return between(rest.subList(0, split), rest.subList(split, rest.size()));
    }

    /** Node i talks only to i-1 and i+1 on a ring of the shuffled nodes. */
    private static Map<NodeProcess, Set<NodeProcess>> ring(List<NodeProcess> nodes) {
        Map<NodeProcess, Set<NodeProcess>> cut = new LinkedHashMap<>();
        int size = nodes.size();
        for (int i = 0; i < size; i++) {
            Set<NodeProcess> blocked = new HashSet<>(nodes);
            blocked.remove(nodes.get(i));
            blocked.remove(nodes.get((i + 1) % size));
            blocked.remove(nodes.get((i + size - 1) % size));
            cut.put(nodes.get(i), blocked);
        }
        return cut;
    }

    private static Map<NodeProcess, Set<NodeProcess>> between(List<NodeProcess> a, List<NodeProcess> b) {
        Map<NodeProcess, Set<NodeProcess>> cut = new LinkedHashMap<>();
        a.forEach(node -> cut.put(node, new HashSet<>(b)));
        b.forEach(node -> cut.put(node, new HashSet<>(a)));
        return cut;
    }

    private static String describe(Map<NodeProcess, Set<NodeProcess>> cut) {
        StringBuilder text = new StringBuilder();
        cut.forEach((from, to) -> text.append(from.name()).append(" -/-> ").append(names(new ArrayList<>(to)))
                .append("; "));
        return text.toString().trim();
    }

    private static String names(List<NodeProcess> nodes) {
        return nodes.stream().map(NodeProcess::name).sorted().toList().toString();
    }

    /** Resumes, restarts and clears every node of every store, and waits until each is healthy. */
    public void healAll() {
        for (Store store : stores) {
            for (NodeProcess node : store.nodes()) {
                node.resume();
                if (!node.running()) {
                    node.start(List.of());
                }
            }
        }
        for (Store store : stores) {
            for (NodeProcess node : store.nodes()) {
                if (!node.awaitHealthy(RESTART_PATIENCE)) {
                    LOG.warn("{} was not healthy within {} of the final heal", node, RESTART_PATIENCE);
                }
                ChaosApi.clear(node);
            }
            network.heal(store.nodes());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
