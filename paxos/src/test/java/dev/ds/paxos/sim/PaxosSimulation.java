package dev.ds.paxos.sim;

import dev.ds.paxos.api.Value;
import dev.ds.paxos.core.Bootstrap;
import dev.ds.paxos.core.Fate;
import dev.ds.paxos.core.PaxosListener;
import dev.ds.paxos.core.PaxosPeer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * One simulated run of a Paxos group, fully determined by its seed.
 *
 * <p><b>Safety phase.</b> For a few simulated seconds, a random workload (peers starting
 * instances, applications calling {@code done} on what they have applied) meets random faults:
 * latency and reordering, dropped and duplicated messages, partitions, crashes and restarts on the
 * same storage (losing what was not synced), and, for one peer chosen at the start, lost disks.
 * Every decision any peer learns is checked against the first decision of its instance, and
 * against the values proposed in it.
 *
 * <p><b>Liveness phase.</b> Then the network heals and every peer is up; each peer proposes a
 * no-op in every started instance it has not learned (as a service catching up would), and every
 * peer must have every started instance decided (or forgotten) within a simulated minute.
 *
 * <p>Only one peer ever loses its disk, in a group of three or five: the contract promises safety
 * while a majority keeps its disks, and counting one peer's losses keeps that true.
 */
final class PaxosSimulation {

    /**
     * What a run did.
     *
     * @param failure null when both phases passed
     * @param digest a fingerprint of every decision in order and of the events run
     */
    record Result(long seed, String failure, long events, int decisions, long digest) {
        boolean ok() {
            return failure == null;
        }
    }

    private static final long LIVENESS_MS = 60_000;

    private final long seed;
    private final Random random;
    private final EventLoop loop = new EventLoop();
    private final SimNetwork network;
    private final List<SimNode> nodes = new ArrayList<>();
    private final Map<Long, Value> chosen = new HashMap<>();
    private final Map<Long, Set<Value>> proposed = new HashMap<>();
    private final Set<Long> started = new TreeSet<>();
    private final int peers;
    private final int instances;
    private final int wipeable;
    private int decisions;
    private int values;
    private long digest = 17;

    private final Bootstrap afterLostDisk;

    private PaxosSimulation(long seed, Bootstrap afterLostDisk) {
        this.seed = seed;
        this.afterLostDisk = afterLostDisk;
        this.random = new Random(seed);
        this.network = new SimNetwork(loop, new Random(seed ^ 0x5DEECE66DL));
        this.peers = random.nextBoolean() ? 3 : 5;
        this.instances = 5 + random.nextInt(56);
        this.wipeable = random.nextInt(peers);
    }

    static Result run(long seed) {
        return run(seed, Bootstrap.REJOIN);
    }

    /**
     * A run in which the peer that loses its disk restarts with {@code afterLostDisk}: {@code
     * REJOIN} is the lost-disk rule, {@code NEW} ignores it (to show what the rule prevents).
     */
    static Result run(long seed, Bootstrap afterLostDisk) {
        PaxosSimulation simulation = new PaxosSimulation(seed, afterLostDisk);
        String failure = null;
        try {
            simulation.safetyThenLiveness();
        } catch (AssertionError | RuntimeException e) {
            failure = e.toString();
        }
        return new Result(seed, failure, simulation.loop.executed(), simulation.decisions,
                simulation.digest * 31 + simulation.loop.executed());
    }

    private void safetyThenLiveness() {
        network.setMaxLatency(1 + random.nextInt(50));
        network.setTimeout(50 + random.nextInt(150));
        setFaultRates();
        // Half the runs start the group as nodes do, each peer asking the others first.
        Bootstrap first = random.nextBoolean() ? Bootstrap.NEW : Bootstrap.REJOIN;
        for (int i = 0; i < peers; i++) {
            SimNode node = network.addNode(peers, seed);
            nodes.add(node);
            node.start(first, listener(i));
        }
        long safetyEnd = 5_000 + random.nextInt(25_000);
        scheduleChaos(safetyEnd);
        loop.runUntil(safetyEnd);
        heal();
        if (!loop.runUntil(this::allSettled, loop.now() + LIVENESS_MS)) {
            throw new AssertionError("liveness: not every started instance decided everywhere after the heal: "
                    + pending());
        }
    }

    private PaxosListener listener(int node) {
        return new PaxosListener() {
            @Override
            public void decided(long seq, Value value, int rounds) {
                check(node, seq, value);
            }
        };
    }

    /** The safety check: one value per instance, and one that was proposed in it. */
    private void check(int node, long seq, Value value) {
        Value first = chosen.putIfAbsent(seq, value);
        if (first != null && !first.equals(value)) {
            throw new AssertionError("safety: peer " + node + " decided " + value + " in instance " + seq
                    + " where " + first + " was decided");
        }
        if (!proposed.getOrDefault(seq, Set.of()).contains(value)) {
            throw new AssertionError("validity: instance " + seq + " decided " + value + ", which nobody proposed");
        }
        decisions++;
        digest = digest * 31 + seq * 7 + value.hashCode();
    }

    // ---- the safety phase ----------------------------------------------------------------------

    private void scheduleChaos(long until) {
        loop.after(5 + random.nextInt(55), () -> {
            if (loop.now() < until) {
                chaos();
                scheduleChaos(until);
            }
        });
    }

    private void chaos() {
        int roll = random.nextInt(100);
        if (roll < 40) {
            startRandom();
        } else if (roll < 55) {
            doneRandom();
        } else if (roll < 65) {
            partitionRandom();
        } else if (roll < 72) {
            network.heal();
        } else if (roll < 80) {
            nodes.get(random.nextInt(peers)).crash();
        } else if (roll < 92) {
            restartRandom();
        } else if (roll < 95) {
            loseDisk();
        } else {
            setFaultRates();
        }
    }

    private void startRandom() {
        SimNode node = nodes.get(random.nextInt(peers));
        long seq = random.nextInt(instances);
        if (node.isUp()) {
            propose(node.peer(), node.index(), seq);
        }
    }

    private void propose(PaxosPeer peer, int node, long seq) {
        Value value = Value.of(("peer " + node + " seq " + seq + " #" + values++).getBytes(StandardCharsets.UTF_8));
        proposed.computeIfAbsent(seq, s -> new HashSet<>()).add(value);
        started.add(seq);
        peer.start(seq, value);
    }

    /** An application is done with the instances it has applied: every started one up to some point. */
    private void doneRandom() {
        SimNode node = nodes.get(random.nextInt(peers));
        if (!node.isUp()) {
            return;
        }
        long applied = -1;
        for (long seq : started) {
            if (node.peer().status(seq).fate() == Fate.PENDING) {
                break;
            }
            applied = seq;
        }
        if (applied >= 0) {
            node.peer().done(applied);
        }
    }

    private void partitionRandom() {
        int[] groupOf = new int[peers];
        for (int i = 0; i < peers; i++) {
            groupOf[i] = random.nextInt(3);
        }
        network.partition(groupOf);
    }

    private void restartRandom() {
        SimNode node = nodes.get(random.nextInt(peers));
        if (!node.isUp()) {
            node.start(Bootstrap.REJOIN, listener(node.index()));
        }
    }

    /** The chosen peer crashes, loses its disk, and comes back empty: the lost-disk rule's case. */
    private void loseDisk() {
        SimNode node = nodes.get(wipeable);
        node.crash();
        node.wipe();
        node.start(afterLostDisk, listener(wipeable));
    }

    private void setFaultRates() {
        network.setDropRate(random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.3);
        network.setDuplicateRate(random.nextInt(2) == 0 ? 0 : random.nextDouble() * 0.1);
    }

    // ---- the liveness phase --------------------------------------------------------------------

    private void heal() {
        network.heal();
        network.setDropRate(0);
        network.setDuplicateRate(0);
        for (SimNode node : nodes) {
            if (!node.isUp()) {
                node.start(Bootstrap.REJOIN, listener(node.index()));
            }
        }
        for (long seq : started) {
            for (SimNode node : nodes) {
                if (node.peer().status(seq).fate() == Fate.PENDING) {
                    propose(node.peer(), node.index(), seq);
                }
            }
        }
    }

    private String pending() {
        StringBuilder text = new StringBuilder();
        for (SimNode node : nodes) {
            List<Long> open = started.stream().filter(seq -> node.peer().status(seq).fate() == Fate.PENDING).toList();
            if (!open.isEmpty()) {
                text.append("peer ").append(node.index()).append(" lacks ").append(open).append(' ')
                        .append(node.peer().peerStatus()).append("; ");
            }
        }
        return text.toString();
    }

    private boolean allSettled() {
        for (SimNode node : nodes) {
            for (long seq : started) {
                if (node.peer().status(seq).fate() == Fate.PENDING) {
                    return false;
                }
            }
        }
        return true;
    }
}
