package dev.ds.paxos.sim;

import dev.ds.paxos.core.Bootstrap;
import dev.ds.paxos.core.PaxosConfig;
import dev.ds.paxos.core.PaxosListener;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.core.RetryPolicy;
import dev.ds.paxos.core.Scheduler;
import dev.ds.paxos.storage.Durability;
import dev.ds.paxos.storage.InMemoryStorage;
import dev.ds.paxos.storage.PeerMeta;
import dev.ds.paxos.storage.Standing;
import java.time.Duration;
import java.util.Random;

/**
 * One simulated peer: its storage, which survives crashes (minus what was not synced) unless
 * wiped, and its current incarnation. Work scheduled by an incarnation that has since crashed
 * never runs: a crash ends every timer and every answer the old peer was waiting for.
 */
public final class SimNode {

    private final int index;
    private final int peers;
    private final EventLoop loop;
    private final SimNetwork network;
    private final long seed;
    private final InMemoryStorage storage = new InMemoryStorage();
    private PaxosPeer peer;
    private int incarnation;

    SimNode(int index, int peers, EventLoop loop, SimNetwork network, long seed) {
        this.index = index;
        this.peers = peers;
        this.loop = loop;
        this.network = network;
        this.seed = seed;
    }

    /** Starts a new incarnation on the storage as it is. */
    public PaxosPeer start(Bootstrap bootstrap, PaxosListener listener) {
        if (peer != null) {
            throw new IllegalStateException("peer " + index + " is running");
        }
        incarnation++;
        Random random = new Random(seed * 31 + index * 1009L + incarnation);
        PaxosConfig config = new PaxosConfig(index, peers, bootstrap,
                new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(300)));
        peer = PaxosPeer.open(config, storage, network.port(this), scheduler(incarnation), random, listener);
        return peer;
    }

    /** A crash: the peer stops at once and its storage keeps only what was synced. */
    public void crash() {
        if (peer == null) {
            return;
        }
        peer.close();
        peer = null;
        incarnation++;
        storage.crash();
    }

    /** A lost disk: only for a crashed peer. */
    public void wipe() {
        if (peer != null) {
            throw new IllegalStateException("wipe only a crashed peer");
        }
        storage.wipe();
    }

    /**
     * A lost disk followed by a start that votes at once as if nothing were lost: what a broken
     * bootstrap would do, for tests that show the simulator catches it.
     */
    public void wipeAndClaimToVote() {
        wipe();
        storage.putMeta(PeerMeta.EMPTY.withStanding(Standing.VOTING).restarted(), Durability.SYNC);
    }

    public boolean isUp() {
        return peer != null;
    }

    /** The running peer, or null while crashed. */
    public PaxosPeer peer() {
        return peer;
    }

    public int index() {
        return index;
    }

    int incarnation() {
        return incarnation;
    }

    /** Runs {@code task} only if the incarnation that asked for it is still the running one. */
    void runAs(int asked, Runnable task) {
        if (peer != null && incarnation == asked) {
            task.run();
        }
    }

    private Scheduler scheduler(int owner) {
        return new Scheduler() {
            @Override
            public void execute(Runnable task) {
                loop.after(0, () -> runAs(owner, task));
            }

            @Override
            public void schedule(Duration delay, Runnable task) {
                loop.after(delay.toMillis(), () -> runAs(owner, task));
            }
        };
    }
}
