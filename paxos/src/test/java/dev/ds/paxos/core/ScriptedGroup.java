package dev.ds.paxos.core;

import dev.ds.paxos.api.AcceptArgs;
import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.DecidedArgs;
import dev.ds.paxos.api.DecidedReply;
import dev.ds.paxos.api.PrepareArgs;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.RejoinArgs;
import dev.ds.paxos.api.RejoinReply;
import dev.ds.paxos.api.Value;
import dev.ds.paxos.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A group of peers whose every message and every task waits until the test says: deliver this
 * message, drop that one, run this peer's local work, fire its timers. For writing down one exact
 * schedule, such as the one the lost-disk rule exists for.
 */
final class ScriptedGroup {

    private record Pending(int from, int to, Message type, Runnable deliver, Runnable drop) {
    }

    private final int size;
    private final List<PaxosPeer> peers = new ArrayList<>();
    private final List<InMemoryStorage> storages = new ArrayList<>();
    private final List<Deque<Runnable>> local = new ArrayList<>();
    private final List<Deque<Runnable>> timers = new ArrayList<>();
    private final List<Pending> inFlight = new ArrayList<>();

    ScriptedGroup(int size) {
        this.size = size;
        for (int i = 0; i < size; i++) {
            storages.add(new InMemoryStorage());
            peers.add(null);
            local.add(new ArrayDeque<>());
            timers.add(new ArrayDeque<>());
        }
        for (int i = 0; i < size; i++) {
            start(i, Bootstrap.NEW);
        }
    }

    PaxosPeer peer(int index) {
        return peers.get(index);
    }

    void start(int index, Bootstrap bootstrap) {
        local.get(index).clear();
        timers.get(index).clear();
        Scheduler scheduler = new Scheduler() {
            @Override
            public void execute(Runnable task) {
                local.get(index).add(task);
            }

            @Override
            public void schedule(Duration delay, Runnable task) {
                timers.get(index).add(task);
            }
        };
        peers.set(index, PaxosPeer.open(PaxosConfig.of(index, size, bootstrap), storages.get(index), port(index),
                scheduler, new Random(index), PaxosListener.NONE));
    }

    /**
     * The peer crashes and its disk is lost; it stays down until {@link #start}. What it had sent
     * and is still waiting is lost with it, so that the test's next {@code deliver} from it is a
     * message of its new life.
     */
    void crashAndWipe(int index) {
        peers.get(index).close();
        storages.get(index).wipe();
        inFlight.removeIf(pending -> pending.from() == index);
    }

    /** Runs the peer's queued local work (calls to its own acceptor, and their answers). */
    void runLocal(int index) {
        Deque<Runnable> tasks = local.get(index);
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    void fireTimers(int index) {
        Deque<Runnable> due = new ArrayDeque<>(timers.get(index));
        timers.get(index).clear();
        due.forEach(Runnable::run);
    }

    /** Delivers the oldest waiting {@code type} message from one peer to another, and its answer. */
    void deliver(int from, int to, Message type) {
        take(from, to, type).deliver().run();
    }

    /** Loses the oldest waiting {@code type} message from one peer to another: the sender sees no reply. */
    void drop(int from, int to, Message type) {
        take(from, to, type).drop().run();
    }

    static Value value(String text) {
        return Value.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private Pending take(int from, int to, Message type) {
        for (Iterator<Pending> it = inFlight.iterator(); it.hasNext(); ) {
            Pending pending = it.next();
            if (pending.from() == from && pending.to() == to && pending.type() == type) {
                it.remove();
                return pending;
            }
        }
        throw new AssertionError("no " + type + " waiting from " + from + " to " + to);
    }

    private PaxosPeers port(int from) {
        return new PaxosPeers() {
            @Override
            public void prepare(int to, PrepareArgs args, Consumer<Optional<PrepareReply>> onReply) {
                hold(from, to, Message.PREPARE, args, PaxosPeer::prepare, onReply);
            }

            @Override
            public void accept(int to, AcceptArgs args, Consumer<Optional<AcceptReply>> onReply) {
                hold(from, to, Message.ACCEPT, args, PaxosPeer::accept, onReply);
            }

            @Override
            public void decided(int to, DecidedArgs args, Consumer<Optional<DecidedReply>> onReply) {
                hold(from, to, Message.DECIDED, args, PaxosPeer::decided, onReply);
            }

            @Override
            public void rejoin(int to, RejoinArgs args, Consumer<Optional<RejoinReply>> onReply) {
                hold(from, to, Message.REJOIN, args, PaxosPeer::rejoin, onReply);
            }
        };
    }

    private <Q, R> void hold(int from, int to, Message type, Q args, BiFunction<PaxosPeer, Q, R> handler,
            Consumer<Optional<R>> onReply) {
        inFlight.add(new Pending(from, to, type,
                () -> onReply.accept(Optional.of(handler.apply(peers.get(to), args))),
                () -> onReply.accept(Optional.empty())));
    }
}
