package dev.ds.rsm.runtime;

import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a replica that is behind gets a snapshot: the other replicas of its group, asked one at a
 * time in turn, at most once per {@code interval} so a replica that cannot reach anyone does not
 * spin. {@link #NONE} never asks (a replica alone, or tests of the state machine only).
 */
public final class CatchUp {

    public static final CatchUp NONE = new CatchUp(null, List.of(), Duration.ZERO);

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    private final RpcClient rpc;
    private final List<String> peers;
    private final long intervalNanos;
    private int next;
    private long lastAsked = Long.MIN_VALUE / 2;

    private CatchUp(RpcClient rpc, List<String> peers, Duration interval) {
        this.rpc = rpc;
        this.peers = List.copyOf(peers);
        this.intervalNanos = interval.toNanos();
    }

    /** How often a replica that is behind asks the next peer, by default. */
    public static final Duration INTERVAL = Duration.ofMillis(200);

    /** Asks the other replicas of a group ({@code peers} without index {@code me}), one every {@link #INTERVAL}. */
    public static CatchUp fromGroup(RpcClient rpc, List<String> peers, int me) {
        List<String> others = new ArrayList<>(peers);
        others.remove(me);
        return from(rpc, others, INTERVAL);
    }

    /** Asks {@code peers} (the other replicas' addresses) through {@code rpc}, one every {@code interval}. */
    public static CatchUp from(RpcClient rpc, List<String> peers, Duration interval) {
        return new CatchUp(rpc, peers, interval);
    }

    /** The next peer's snapshot when it is ahead of {@code applied}; empty when it is not time yet or no peer gave one. */
    synchronized Optional<byte[]> fetch(long applied) {
        long now = System.nanoTime();
        if (peers.isEmpty() || now - lastAsked < intervalNanos) {
            return Optional.empty();
        }
        lastAsked = now;
        String peer = peers.get(next);
        next = (next + 1) % peers.size();
        try {
            return rpc.call(peer, SnapshotTransfer.SNAPSHOT, new SnapshotTransfer.Request(applied))
                    .map(SnapshotTransfer.Reply::snapshot);
        } catch (ProblemException e) {
            log.debug("{} refused a snapshot: {}", peer, e.getMessage());
            return Optional.empty();
        }
    }
}
