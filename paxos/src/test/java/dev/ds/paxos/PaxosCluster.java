package dev.ds.paxos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.core.Bootstrap;
import dev.ds.paxos.core.PaxosConfig;
import dev.ds.paxos.core.PaxosListener;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.runtime.PaxosNode;
import dev.ds.paxos.storage.InMemoryStorage;
import dev.ds.rpc.RpcClient;
import dev.ds.rpc.memory.InMemoryNetwork;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.cluster.Cluster;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

/**
 * The 6.824 Paxos test harness on the in-memory network: {@code pxa[i]} is {@link #px}, and
 * {@code ndecided}, {@code waitn}, {@code waitmajority} keep their lab names and meaning. Each peer
 * starts fresh ({@link Bootstrap#NEW}, empty in-memory storage), as in the lab.
 */
final class PaxosCluster implements AutoCloseable {

    /** The lab's waitn allows about 25 seconds before it gives up. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final Cluster<PaxosNode> cluster;
    private final long seed;
    private final AtomicLongArray rounds;

    PaxosCluster(String test, int n) {
        this.seed = Seeds.seed(test);
        this.rounds = new AtomicLongArray(n);
        this.cluster = new Cluster<>(new InMemoryNetwork(seed), Cluster.addresses("px", n),
                this::startPeer, PaxosNode::halt);
    }

    private PaxosNode startPeer(int index, InMemoryNetwork.Server server, RpcClient rpc) {
        PaxosListener countRounds = new PaxosListener() {
            @Override
            public void round(long seq, ProposalNumber number) {
                rounds.incrementAndGet(index);
            }
        };
        PaxosNode node = PaxosNode.start(PaxosConfig.of(index, size(), Bootstrap.NEW), new InMemoryStorage(), rpc,
                cluster.addresses(), countRounds, new Random(seed + index));
        server.serve(node.routes());
        return node;
    }

    PaxosCluster startAll() {
        cluster.startAll();
        return this;
    }

    PaxosCluster start(int index) {
        cluster.start(index);
        return this;
    }

    Cluster<PaxosNode> cluster() {
        return cluster;
    }

    int size() {
        return cluster.size();
    }

    long seed() {
        return seed;
    }

    Paxos<Object> px(int index) {
        return new Paxos<>(peer(index), ValueCodec.json(Object.class));
    }

    PaxosPeer peer(int index) {
        return Objects.requireNonNull(cluster.node(index), "peer " + index + " was never started").peer();
    }

    /** Proposer rounds peer {@code index} has begun. */
    long rounds(int index) {
        return rounds.get(index);
    }

    /** How many started peers have decided {@code seq}; fails if two decided differently. */
    int ndecided(long seq) {
        int count = 0;
        Object first = null;
        for (int i = 0; i < size(); i++) {
            if (cluster.node(i) == null) {
                continue;
            }
            PaxosStatus<Object> status = px(i).status(seq);
            if (status.isDecided()) {
                if (count > 0) {
                    assertThat(status.value()).as("decided values do not match; seq=%d i=%d", seq, i).isEqualTo(first);
                }
                first = status.value();
                count++;
            }
        }
        return count;
    }

    void waitn(long seq, int wanted) {
        Await.until("instance " + seq + " decided by " + wanted + " peers (seed " + seed + ")", WAIT,
                () -> ndecided(seq) >= wanted);
    }

    void waitmajority(long seq) {
        waitn(seq, size() / 2 + 1);
    }

    /** Waits until no peer has a proposer running or a call outstanding. */
    void awaitIdle() {
        Await.until("every peer idle (seed " + seed + ")", WAIT, () -> Arrays.stream(started())
                .allMatch(i -> peer(i).peerStatus().idle()));
    }

    int[] started() {
        return IntStream.range(0, size()).filter(i -> cluster.node(i) != null).toArray();
    }

    long totalRpcs() {
        long total = 0;
        for (int i = 0; i < size(); i++) {
            total += cluster.rpcCount(i);
        }
        return total;
    }

    @Override
    public void close() {
        for (int i : started()) {
            cluster.kill(i);
        }
    }
}
