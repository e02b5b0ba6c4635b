package dev.ds.chaos;

import dev.ds.chaos.check.Checks;
import dev.ds.chaos.check.Finding;
import dev.ds.chaos.fuzz.Fuzzer;
import dev.ds.chaos.nemesis.Nemesis;
import dev.ds.chaos.nemesis.Timeline;
import dev.ds.chaos.node.Namespaces;
import dev.ds.chaos.node.Network;
import dev.ds.chaos.node.NodeProcess;
import dev.ds.chaos.node.Nodes;
import dev.ds.chaos.report.Report;
import dev.ds.chaos.store.PaxosKvStore;
import dev.ds.chaos.store.PbStore;
import dev.ds.chaos.store.ShardedStore;
import dev.ds.chaos.store.Store;
import dev.ds.chaos.workload.Op;
import dev.ds.chaos.workload.Workload;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import dev.ds.testkit.cluster.DataDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run: start the stores as real processes, run recording clients while the nemesis injects
 * faults, heal, read every key, check, fuzz, summarise, and leave a report folder on a violation.
 */
public final class ChaosRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosRunner.class);
    private static final Duration CLIENT_RETRY = Duration.ofSeconds(5);
    private static final Duration START_PATIENCE = Duration.ofMinutes(8);

    /** What a run found: exit code 0 (every check passed), 1 (a violation) or 2 (no violation, but a check UNKNOWN). */
    public record Result(int exitCode, String summary, List<Finding> findings, Optional<Path> report, int operations,
            List<Timeline.Fault> faults) {
    }

    private ChaosRunner() {
    }

    public static Result run(Options options) throws IOException, InterruptedException {
        LOG.info("chaos run with seed {}; replay with --seed={}", options.seed(), options.seed());
        if (Files.exists(options.runDir())) {
            DataDirs.wipe(options.runDir());
        }
        Files.createDirectories(options.runDir());
        boolean netns = options.netns() && Namespaces.available();
        if (options.netns() && !netns) {
            LOG.warn("--netns needs root, iproute2 and nftables; running on 127.0.0.1 with chaos-API faults only");
        }
        try (Network network = netns ? new Namespaces() : new Network.Loopback();
                HttpRpcClient rpc = new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS)) {
            Nodes factory = new Nodes(options.repository(), options.runDir(), network);
            List<Store> stores = stores(options, factory);
            // Ctrl-C or a kill of the runner still takes its nodes and namespaces with it.
            Thread cleanUp = new Thread(() -> {
                factory.all().forEach(NodeProcess::kill);
                network.close();
            }, "chaos-clean-up");
            Runtime.getRuntime().addShutdownHook(cleanUp);
            try {
                return exercise(options, stores, factory, network, rpc);
            } finally {
                factory.all().forEach(NodeProcess::kill);
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            }
        }
    }

    private static List<Store> stores(Options options, Nodes factory) {
        List<Store> stores = new ArrayList<>();
        for (String name : options.stores()) {
            String module = switch (name) {
                case "paxos-kv" -> "paxos-kv-service";
                case "shardkv" -> "shardkv-service";
                default -> "viewservice-service";
            };
            if (!Files.isRegularFile(factory.jar(module))) {
                throw new IllegalStateException("no " + factory.jar(module) + ": build it first (./mvnw -q -DskipTests package)");
            }
            stores.add(switch (name) {
                case "paxos-kv" -> new PaxosKvStore(factory, options.kvReplicas(), options.plantedBug());
                case "shardkv" -> new ShardedStore(factory, options.shardGroups());
                default -> new PbStore(factory, 3);
            });
        }
        return stores;
    }

    private static Result exercise(Options options, List<Store> stores, Nodes factory, Network network,
            HttpRpcClient rpc) throws IOException, InterruptedException {
        List<NodeProcess> nodes = stores.stream().flatMap(store -> store.nodes().stream()).toList();
        nodes.forEach(node -> node.start(List.of()));
        for (NodeProcess node : nodes) {
            if (!node.awaitHealthy(START_PATIENCE)) {
                throw new IllegalStateException(node + " did not start within " + START_PATIENCE + "; see " + node.log());
            }
        }
        LOG.info("{} nodes up", nodes.size());
        for (Store store : stores) {
            store.setUp(rpc);
        }
        long t0 = System.nanoTime();
        LongSupplier clock = () -> System.nanoTime() - t0;
        Timeline timeline = new Timeline(clock);
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            Workload workload = new Workload(stores.get(i), rpc, options.clientsPerStore(), options.seed() + i, clock,
                    CLIENT_RETRY, options.readPercent());
            workloads.add(workload);
            workload.start();
        }
        new Nemesis(stores, network, rpc, timeline, options.seed(), options.holdMax(), options.kinds())
                .run(options.faults());
        long healedAt = clock.getAsLong();
        LOG.info("healed at {} s; waiting for every client to complete an operation", healedAt / 1_000_000_000);
        long end = System.nanoTime() + options.livenessBound().toNanos();
        while (System.nanoTime() - end < 0 && !allLive(workloads, healedAt)) {
            Thread.sleep(200);
        }
        Thread.sleep(1_000);
        for (Workload workload : workloads) {
            workload.stop();
        }
        List<Finding> findings = new ArrayList<>();
        List<Op> allOps = new ArrayList<>();
        for (Workload workload : workloads) {
            findings.addAll(check(options, workload, healedAt, rpc, allOps));
        }
        int fuzzRequests = 0;
        if (options.fuzz()) {
            Fuzzer fuzzer = new Fuzzer();
            findings.add(fuzzer.run(fuzzTargets(stores, factory, options)));
            fuzzRequests = fuzzer.requests();
        }
        String summary = Summary.text(options, netns(network), allOps, timeline, findings, fuzzRequests);
        int exit = findings.stream().anyMatch(f -> f.status() == Finding.Status.VIOLATION) ? 1
                : findings.stream().anyMatch(f -> f.status() == Finding.Status.UNKNOWN) ? 2 : 0;
        Optional<Path> report = Optional.empty();
        if (exit != 0 || options.alwaysReport()) {
            report = Optional.of(Report.write(options.runDir().resolve("report"), options.seed(), summary, allOps,
                    timeline.faults(), findings, factory.all()));
        }
        return new Result(exit, summary + report.map(p -> "report: " + p + "\n").orElse(""), findings, report,
                allOps.size(), timeline.faults());
    }

    private static boolean netns(Network network) {
        return network.packetFaults();
    }

    private static boolean allLive(List<Workload> workloads, long healedAt) {
        return workloads.stream().allMatch(w -> java.util.stream.IntStream.range(0, w.clients())
                .allMatch(c -> w.firstOkAfter(c, healedAt).isPresent()));
    }

    private static List<Finding> check(Options options, Workload workload, long healedAt, HttpRpcClient rpc,
            List<Op> allOps) {
        String name = workload.store().name();
        Map<String, Op> finals = new LinkedHashMap<>();
        Duration patience = Duration.ofSeconds(60);
        for (String key : Stream.concat(Workload.PUT_KEYS.stream(), workload.appendKeys().stream()).toList()) {
            Op read = workload.finalRead(key, workload.clients(), patience);
            finals.put(key, read);
            if (read.outcome() != Op.Outcome.OK) {
                patience = Duration.ofSeconds(5); // The store is down: the check is UNKNOWN anyway, do not wait a minute a key.
            }
        }
        List<Op> ops = workload.ops();
        allOps.addAll(ops);
        List<Finding> findings = new ArrayList<>();
        findings.add(Checks.linearizable(name, ops, options.checkBudget()));
        findings.add(Checks.noLostWrites(name, ops, finals, workload.appendKeys()));
        findings.add(Checks.appendsOnce(name, ops, finals, workload.appendKeys()));
        findings.add(Checks.liveness(name, workload, healedAt, options.livenessBound()));
        workload.store().ownCheckName().ifPresent(check -> {
            List<String> problems = workload.store().ownChecks(rpc);
            findings.add(problems.isEmpty() ? Finding.pass(name, check, "every configuration identical on every replica")
                    : new Finding(name, check, Finding.Status.VIOLATION, String.join("\n", problems), java.util.Set.of()));
        });
        findings.forEach(f -> LOG.info("{} / {}: {} {}", f.store(), f.check(), f.status(),
                f.status() == Finding.Status.PASS ? f.detail() : ""));
        return findings;
    }

    /** One node of every role: a pb server, the view service, a paxos-kv replica, a shard master, a shardkv replica, and a MapReduce coordinator started for the pass. */
    private static Map<NodeProcess, Fuzzer.Role> fuzzTargets(List<Store> stores, Nodes factory, Options options) {
        Map<NodeProcess, Fuzzer.Role> targets = new LinkedHashMap<>();
        for (Store store : stores) {
            for (NodeProcess node : store.nodes()) {
                String role = node.name().replaceAll("-\\d+$", "");
                Fuzzer.Role kind = switch (role) {
                    case "viewservice" -> Fuzzer.Role.VIEWSERVICE;
                    case "shardmaster" -> Fuzzer.Role.SHARDMASTER;
                    default -> Fuzzer.Role.KV;
                };
                if (targets.keySet().stream().noneMatch(n -> n.name().replaceAll("-\\d+$", "").equals(role))) {
                    targets.put(node, kind);
                }
            }
        }
        Path roots = options.runDir().resolve("mapreduce");
        NodeProcess coordinator = factory.create("mapreduce-coordinator", "mapreduce-service", Nodes.port(),
                List.of("--role=coordinator", "--mapreduce.input-roots=" + roots, "--mapreduce.output-roots=" + roots), false);
        if (Files.isRegularFile(factory.jar("mapreduce-service"))) {
            coordinator.start(List.of());
            if (coordinator.awaitHealthy(START_PATIENCE)) {
                targets.put(coordinator, Fuzzer.Role.MAPREDUCE);
            }
        }
        return targets;
    }
}
