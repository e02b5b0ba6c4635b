package dev.ds.rsm.runtime;

import dev.ds.rpc.Empty;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the log has gone, as a majority of the group has heard of it: a read fence that writes
 * nothing to the log. Every decided instance was accepted by a majority, and an acceptor counts an
 * instance as heard of as soon as it sees it; so the highest instance heard of by any majority is at
 * least every instance decided before the question was asked. A replica that has applied up to that
 * horizon holds every change completed before it asked, which is what a linearizable read needs,
 * for the price of one call to a peer instead of a log entry.
 */
public final class Horizon {

    /** A replica alone in its group: its own log is the majority. */
    public static final Horizon ALONE = new Horizon(null, List.of(), 0);

    /** The call: the highest instance the asked replica's log has heard of. */
    public static final Endpoint<Empty, Heard> HEARD =
            Endpoint.post("rsm.heard", "/internal/rsm/heard", Empty.class, Heard.class);

    private static final Logger log = LoggerFactory.getLogger(Horizon.class);

    private final RpcClient rpc;
    private final List<String> others;
    private final int othersNeeded;

    private Horizon(RpcClient rpc, List<String> others, int othersNeeded) {
        this.rpc = rpc;
        this.others = List.copyOf(others);
        this.othersNeeded = othersNeeded;
    }

    /** Asks the other replicas of a group ({@code peers} without index {@code me}). */
    public static Horizon fromGroup(RpcClient rpc, List<String> peers, int me) {
        List<String> others = new ArrayList<>(peers);
        others.remove(me);
        return new Horizon(rpc, others, peers.size() / 2);
    }

    /**
     * The highest instance heard of by this replica ({@code own}) and enough others to make a
     * majority, asked one at a time until there are enough; empty when too few answered.
     */
    OptionalLong fetch(long own) {
        long max = own;
        int answered = 0;
        for (int i = 0; i < others.size() && answered < othersNeeded; i++) {
            Optional<Heard> heard = ask(others.get(i));
            if (heard.isPresent()) {
                max = Math.max(max, heard.get().max());
                answered++;
            }
        }
        return answered >= othersNeeded ? OptionalLong.of(max) : OptionalLong.empty();
    }

    private Optional<Heard> ask(String peer) {
        try {
            return rpc.call(peer, HEARD, Empty.INSTANCE);
        } catch (ProblemException e) {
            log.debug("{} refused to say how far its log has gone: {}", peer, e.getMessage());
            return Optional.empty();
        }
    }

    /** What serves the call: a node's replica. */
    @FunctionalInterface
    public interface Source {
        Heard heard();
    }

    /** @param max the highest instance the answering replica's log has heard of, -1 for none */
    public record Heard(long max) { }
}
