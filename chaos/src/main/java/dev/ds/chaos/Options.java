package dev.ds.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import dev.ds.chaos.nemesis.FaultKind;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a run does, from {@code --key=value} arguments.
 *
 * @param stores which stores to run: {@code paxos-kv}, {@code shardkv}, {@code pb}
 * @param faults how long the nemesis injects faults
 * @param kvReplicas paxos-kv replicas (3 or 5)
 * @param shardGroups shardkv groups (2 or 3)
 * @param netns nodes in network namespaces with kernel packet faults (root only)
 * @param plantedBug paxos-kv replicas answer reads from local state (the test-only switch)
 * @param fuzz after the checks, fuzz every public endpoint of every role
 * @param kinds the fault kinds the nemesis may choose from (all by default)
 * @param readPercent the share of operations that are reads (default 40)
 */
public record Options(long seed, List<String> stores, Duration faults, int clientsPerStore, int kvReplicas,
        int shardGroups, boolean netns, boolean plantedBug, boolean fuzz, Duration holdMax, Duration livenessBound,
        Duration checkBudget, Path repository, Path runDir, boolean alwaysReport, Set<FaultKind> kinds,
        int readPercent) {

    public static final List<String> ALL_STORES = List.of("paxos-kv", "shardkv", "pb");

    public static Options parse(String[] args) {
        long seed = ThreadLocalRandom.current().nextLong();
        List<String> stores = ALL_STORES;
        Duration faults = Duration.ofSeconds(60);
        int clients = 3;
        int kvReplicas = 3;
        int groups = 2;
        boolean netns = false;
        boolean bug = false;
        boolean fuzz = true;
        Duration hold = Duration.ofSeconds(6);
        Path repository = Path.of("").toAbsolutePath();
        Path runDir = null;
        boolean report = false;
        Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
        int reads = 40;
        for (String arg : args) {
            String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "true";
            switch (key) {
                case "--seed" -> seed = Long.parseLong(value);
                case "--stores" -> stores = List.of(value.split(","));
                case "--seconds" -> faults = Duration.ofSeconds(Long.parseLong(value));
                case "--minutes" -> faults = Duration.ofMinutes(Long.parseLong(value));
                case "--long" -> {
                    faults = Duration.ofMinutes(30);
                    kvReplicas = 5;
                    groups = 3;
                    hold = Duration.ofSeconds(10);
                }
                case "--clients" -> clients = Integer.parseInt(value);
                case "--kv-replicas" -> kvReplicas = Integer.parseInt(value);
                case "--shard-groups" -> groups = Integer.parseInt(value);
                case "--netns" -> netns = Boolean.parseBoolean(value);
                case "--planted-bug" -> bug = Boolean.parseBoolean(value);
                case "--fuzz" -> fuzz = Boolean.parseBoolean(value);
                case "--hold-max-seconds" -> hold = Duration.ofSeconds(Long.parseLong(value));
                case "--repository" -> repository = Path.of(value).toAbsolutePath();
                case "--run-dir" -> runDir = Path.of(value).toAbsolutePath();
                case "--report" -> report = Boolean.parseBoolean(value);
                case "--faults" -> kinds = faultKinds(value);
                case "--read-percent" -> reads = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "; see chaos/README.md");
            }
        }
        for (String store : stores) {
            if (!ALL_STORES.contains(store)) {
                throw new IllegalArgumentException("--stores: unknown store " + store + ", expected some of " + ALL_STORES);
            }
        }
        if (kvReplicas != 3 && kvReplicas != 5) {
            throw new IllegalArgumentException("--kv-replicas must be 3 or 5, was " + kvReplicas);
        }
        if (groups != 2 && groups != 3) {
            throw new IllegalArgumentException("--shard-groups must be 2 or 3, was " + groups);
        }
        if (reads < 0 || reads > 100) {
            throw new IllegalArgumentException("--read-percent must be between 0 and 100, was " + reads);
        }
        if (runDir == null) {
            runDir = repository.resolve("chaos").resolve("target").resolve("runs").resolve("seed-" + seed);
        }
        return new Options(seed, new ArrayList<>(stores), faults, clients, kvReplicas, groups, netns, bug, fuzz, hold,
                Duration.ofSeconds(30), Duration.ofSeconds(120), repository, runDir, report, kinds,
                reads);
    }

    private static Set<FaultKind> faultKinds(String names) {
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (String name : names.split(",")) {
            try {
                kinds.add(FaultKind.valueOf(name.trim().toUpperCase().replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--faults: unknown fault " + name + ", expected some of "
                        + List.of(FaultKind.values()).toString().toLowerCase());
            }
        }
        return kinds;
    }
}
