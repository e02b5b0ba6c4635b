package dev.ds.paxos.core;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A peer's outgoing calls: remote ones through its {@link PaxosPeers} port, calls to itself
 * through its {@link Scheduler} (a proposer reaches its own acceptor without the network). Every
 * answer re-enters the peer under its lock, and none does once the peer is closed. Calls are made
 * under the peer's lock; it counts them until answered.
 */
final class Outbox {

    /** One method of the {@link PaxosPeers} port. */
    @FunctionalInterface
    interface Remote<Q, R> {
        void send(int to, Q args, Consumer<Optional<R>> onReply);
    }

    private final int me;
    private final Object lock;
    private final BooleanSupplier closed;
    private final Scheduler scheduler;
    private final PaxosListener listener;
    private final Contact contact;
    private int inFlight;

    Outbox(int me, Object lock, BooleanSupplier closed, Scheduler scheduler, PaxosListener listener,
            Contact contact) {
        this.me = me;
        this.lock = lock;
        this.closed = closed;
        this.scheduler = scheduler;
        this.listener = listener;
        this.contact = contact;
    }

    <Q, R> void call(int to, Message type, Q args, Function<Q, R> local, Remote<Q, R> remote,
            Consumer<Optional<R>> onReply) {
        inFlight++;
        if (to == me) {
            scheduler.execute(() -> complete(onReply, callLocal(local, args)));
            return;
        }
        remote.send(to, args, reply -> {
            listener.called(type, reply.isPresent());
            synchronized (lock) {
                if (reply.isPresent()) {
                    contact.heard(to);
                } else {
                    contact.missed(to);
                }
            }
            complete(onReply, reply);
        });
    }

    /** Calls sent and not yet answered. */
    int inFlight() {
        return inFlight;
    }

    private static <Q, R> Optional<R> callLocal(Function<Q, R> handler, Q args) {
        try {
            return Optional.of(handler.apply(args));
        } catch (PeerClosedException closed) {
            return Optional.empty();
        }
    }

    private <R> void complete(Consumer<Optional<R>> onReply, Optional<R> reply) {
        synchronized (lock) {
            inFlight--;
            if (!closed.getAsBoolean()) {
                onReply.accept(reply);
            }
        }
    }
}
