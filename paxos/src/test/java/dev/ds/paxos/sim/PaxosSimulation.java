package dev.ds.paxos.sim;

import dev.ds.paxos.api.Value;
import dev.ds.paxos.core.Bootstrap;
import dev.ds.paxos.core.Fate;
import dev.ds.paxos.core.Message;
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
import java.util.TreeMap;
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
 * <p>The group starts new ({@code new}); in half the runs only a majority starts at first and the
 * others join later, as new members of a group that already has history. The peer that loses its
 * disk restarts with {@code existing}. Each run picks when its disk is lost: at random times, right
 * after it answered a prepare (mid phase 1), right after it answered an accept (mid phase 2), or
 * right after another peer learned a decision it has not (between chosen and learned).
 *
 * <p><b>Liveness phase.</b> Then the network heals and every peer is up; each peer proposes a
 * no-op in every started instance it has not learned (as a service catching up would), and every
 * peer must have every started instance decided (or forgotten) within a simulated minute.
 *
 * <p>Only one peer ever loses its disk, in a group of three or five, and only while every other
 * peer votes: the contract promises safety while a majority keeps its disks, and the lost-disk
 * rule finishes once a majority of voting peers answers.
 */
final class PaxosSimulation {

    /**
     * What a run did.
     *
     * @param failure null when both phases passed
     * @param digest a fingerprint of every decision in order and of the events run
     * @param wipes how many times the chosen peer lost its disk, by what triggered it
     */
    record Result(long seed, String failure, long events, int decisions, long digest, Map<String, Integer> wipes) {
        boolean ok() {
            return failure == null;
        }
    }

    private static final long LIVENESS_MS = 60_000;
    private static final int MAX_TRIGGERED_WIPES = 6;

    /** What the peer that loses its disk does when it comes back. */
    enum LostDisk {
        /** Starts with {@code existing}: the lost-disk rule. */
        RULE,
        /** Votes at once, as if nothing had been lost: a broken bootstrap the simulator must catch. */
        VOTE_AT_ONCE
    }

    /** When the chosen peer's disk is lost, besides the random chaos. */
    private enum WipeAt { RANDOM, AFTER_PREPARE, AFTER_ACCEPT, CHOSEN_NOT_LEARNED }

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
    private int triggeredWipes;
    private final Map<String, Integer> wipes = new TreeMap<>();
    private long digest = 17;
    private long safetyEnd;

    private final LostDisk afterLostDisk;
    private final WipeAt wipeAt;

    private PaxosSimulation(long seed, LostDisk afterLostDisk) {
        this.seed = seed;
        this.afterLostDisk = afterLostDisk;
        this.random = new Random(seed);
        this.network = new SimNetwork(loop, new Random(seed ^ 0x5DEECE66DL));
        this.peers = random.nextBoolean() ? 3 : 5;
        this.instances = 5 + random.nextInt(56);
        this.wipeable = random.nextInt(peers);
        this.wipeAt = WipeAt.values()[random.nextInt(WipeAt.values().length)];
    }

    static Result run(long seed) {
        return run(seed, LostDisk.RULE);
    }

    /** A run in which the peer that loses its disk comes back as {@code afterLostDisk} says. */
    static Result run(long seed, LostDisk afterLostDisk) {
        PaxosSimulation simulation = new PaxosSimulation(seed, afterLostDisk);
        String failure = null;
        try {
            simulation.safetyThenLiveness();
        } catch (AssertionError | RuntimeException e) {
            failure = e.toString();
        }
        return new Result(seed, failure, simulation.loop.executed(), simulation.decisions,
                simulation.digest * 31 + simulation.loop.executed(), simulation.wipes);
    }

    private void safetyThenLiveness() {
        network.setMaxLatency(1 + random.nextInt(50));
        network.setTimeout(50 + random.nextInt(150));
        setFaultRates();
        safetyEnd = 5_000 + random.nextInt(25_000);
        // Half the runs start a majority first; the others join later as new members.
        int firstWave = random.nextBoolean() ? peers / 2 + 1 : peers;
        for (int i = 0; i < peers; i++) {
            SimNode node = network.addNode(peers, seed);
            nodes.add(node);
            if (i < firstWave) {
                node.start(Bootstrap.NEW, listener(i));
            } else {
                loop.after(random.nextInt((int) safetyEnd), () -> startIfDown(node));
            }
        }
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
                if (wipeAt == WipeAt.CHOSEN_NOT_LEARNED && node != wipeable) {
                    maybeLoseDiskBefore(seq);
                }
            }

            @Override
            public void handled(Message type) {
                boolean trigger = (wipeAt == WipeAt.AFTER_PREPARE && type == Message.PREPARE)
                        || (wipeAt == WipeAt.AFTER_ACCEPT && type == Message.ACCEPT);
                if (node == wipeable && trigger) {
                    maybeLoseDiskBefore(-1);
                }
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
            if (wipeAt == WipeAt.RANDOM) {
                loseDisk();
            }
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
        startIfDown(nodes.get(random.nextInt(peers)));
    }

    /** Restarts on the storage as it is; a node that never ran joins as a new member. */
    private void startIfDown(SimNode node) {
        if (!node.isUp()) {
            node.start(Bootstrap.NEW, listener(node.index()));
        }
    }

    /**
     * Called from a peer's listener, under its lock: decides now (so that the run stays a function
     * of its seed) whether to lose the disk right after this event, and does it as the next event.
     * With {@code seq} >= 0, only if the wiped peer has not learned that instance.
     */
    private void maybeLoseDiskBefore(long seq) {
        if (loop.now() >= safetyEnd || triggeredWipes >= MAX_TRIGGERED_WIPES || random.nextInt(8) != 0) {
            return;
        }
        triggeredWipes++;
        loop.after(0, () -> {
            SimNode node = nodes.get(wipeable);
            if (seq < 0 || (node.isUp() && node.peer().status(seq).fate() == Fate.PENDING)) {
                loseDisk();
            }
        });
    }

    /**
     * The chosen peer crashes, loses its disk, and comes back empty: the lost-disk rule's case.
     * Only while every other peer is up and votes (none still new, none rejoining): the rule needs a
     * majority of intact, voting peers.
     */
    private void loseDisk() {
        for (SimNode other : nodes) {
            if (other.index() != wipeable && (!other.isUp() || other.peer().peerStatus().rejoining()
                    || other.peer().peerStatus().fresh())) {
                return;
            }
        }
        SimNode node = nodes.get(wipeable);
        wipes.merge(wipeAt.name(), 1, Integer::sum);
        node.crash();
        if (afterLostDisk == LostDisk.RULE) {
            node.wipe();
            node.start(Bootstrap.EXISTING, listener(wipeable));
        } else {
            node.wipeAndClaimToVote();
            node.start(Bootstrap.EXISTING, listener(wipeable));
        }
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
            startIfDown(node);
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
