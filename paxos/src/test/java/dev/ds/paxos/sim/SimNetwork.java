package dev.ds.paxos.sim;

import dev.ds.paxos.api.AcceptArgs;
import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.DecidedArgs;
import dev.ds.paxos.api.DecidedReply;
import dev.ds.paxos.api.PrepareArgs;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.RejoinArgs;
import dev.ds.paxos.api.RejoinReply;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.core.PaxosPeers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The simulated network between {@link SimNode}s, with the 6.824 faults and more: each message
 * takes a random latency (so messages overtake each other), may be dropped, and a request may be
 * delivered twice; a partition or a crashed peer loses everything sent across it. A call with no
 * answer gets "no reply" after the timeout, as an RPC client's read timeout gives it. Every choice
 * comes from one seeded generator, in event order.
 */
public final class SimNetwork {

    private final EventLoop loop;
    private final Random random;
    private final List<SimNode> nodes = new ArrayList<>();
    private int[] group = new int[0];
    private double dropRate;
    private double duplicateRate;
    private int maxLatencyMs = 5;
    private int timeoutMs = 100;

    public SimNetwork(EventLoop loop, Random random) {
        this.loop = loop;
        this.random = random;
    }

    /** Adds the next node of a group of {@code peers}; nodes must be added in index order. */
    public SimNode addNode(int peers, long seed) {
        SimNode node = new SimNode(nodes.size(), peers, loop, this, seed);
        nodes.add(node);
        group = Arrays.copyOf(group, nodes.size());
        return node;
    }

    public List<SimNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The chance that a request, or a reply, is lost. */
    public void setDropRate(double rate) {
        this.dropRate = rate;
    }

    /** The chance that a request is delivered a second time. */
    public void setDuplicateRate(double rate) {
        this.duplicateRate = rate;
    }

    /** Each message takes 1 to {@code maxMs} milliseconds, at random. */
    public void setMaxLatency(int maxMs) {
        this.maxLatencyMs = Math.max(1, maxMs);
    }

    public void setTimeout(int ms) {
        this.timeoutMs = ms;
    }

    /** {@code groupOf[i]} is node i's side; nodes on different sides cannot talk. */
    public void partition(int[] groupOf) {
        this.group = groupOf.clone();
    }

    public void heal() {
        Arrays.fill(group, 0);
    }

    PaxosPeers port(SimNode from) {
        return new PaxosPeers() {
            @Override
            public void prepare(int to, PrepareArgs args, Consumer<Optional<PrepareReply>> onReply) {
                send(from, to, args, PaxosPeer::prepare, onReply);
            }

            @Override
            public void accept(int to, AcceptArgs args, Consumer<Optional<AcceptReply>> onReply) {
                send(from, to, args, PaxosPeer::accept, onReply);
            }

            @Override
            public void decided(int to, DecidedArgs args, Consumer<Optional<DecidedReply>> onReply) {
                send(from, to, args, PaxosPeer::decided, onReply);
            }

            @Override
            public void rejoin(int to, RejoinArgs args, Consumer<Optional<RejoinReply>> onReply) {
                send(from, to, args, PaxosPeer::rejoin, onReply);
            }
        };
    }

    private <Q, R> void send(SimNode from, int to, Q args, BiFunction<PaxosPeer, Q, R> handler,
            Consumer<Optional<R>> onReply) {
        int asked = from.incarnation();
        Call<R> call = new Call<>(onReply);
        loop.after(timeoutMs, () -> from.runAs(asked, () -> call.answer(Optional.empty())));
        if (!chance(dropRate)) {
            deliver(from, asked, to, args, handler, call);
        }
        if (chance(duplicateRate)) {
            deliver(from, asked, to, args, handler, new Call<>(ignored -> { }));
        }
    }

    private <Q, R> void deliver(SimNode from, int asked, int to, Q args, BiFunction<PaxosPeer, Q, R> handler,
            Call<R> call) {
        loop.after(latency(), () -> {
            SimNode target = nodes.get(to);
            if (!target.isUp() || cut(from.index(), to)) {
                return;
            }
            R reply = handler.apply(target.peer(), args);
            if (chance(dropRate)) {
                return;
            }
            loop.after(latency(), () -> {
                if (!cut(to, from.index())) {
                    from.runAs(asked, () -> call.answer(Optional.of(reply)));
                }
            });
        });
    }

    private boolean cut(int a, int b) {
        return group[a] != group[b];
    }

    private boolean chance(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    private long latency() {
        return 1 + random.nextInt(maxLatencyMs);
    }

    /** One call's answer: the first of reply and timeout wins, the other is dropped. */
    private static final class Call<R> {
        private final Consumer<Optional<R>> onReply;
        private boolean answered;

        Call(Consumer<Optional<R>> onReply) {
            this.onReply = onReply;
        }

        void answer(Optional<R> reply) {
            if (!answered) {
                answered = true;
                onReply.accept(reply);
            }
        }
    }
}
