package dev.ds.testkit.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Records the operations that concurrent key/value clients perform, for a later linearizability check.
 *
 * <p>A client calls {@link #invoke} just before sending a request and then exactly one of {@link #ok} (an answer
 * arrived) or {@link #unknown} (no answer: the request timed out or was lost). Following Knossos and Porcupine, a write
 * whose outcome is unknown may have taken effect at any time after its call, or never, so it is kept with an open-ended
 * interval; a read whose outcome is unknown changed nothing and told the client nothing, so it is left out.
 *
 * <p>All methods are synchronized: the recorder is shared by the client threads of a test, and the cost of the lock is
 * negligible next to a request. The clock is read inside the lock, which can only widen an operation's interval and
 * therefore never makes a linearizable history look illegal.
 */
public final class HistoryRecorder {

    private record Pending(int clientId, KvInput input, long call) {
    }

    private final LongSupplier clock;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final List<Operation> completed = new ArrayList<>();
    private long nextId;

    /** A recorder that timestamps with {@link System#nanoTime()}. */
    public HistoryRecorder() {
        this(System::nanoTime);
    }

    /** A recorder that timestamps with {@code clock}, which must never go backwards. */
    public HistoryRecorder(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Notes that {@code clientId} is about to send {@code input}, and returns the id to complete it with. */
    public synchronized long invoke(int clientId, KvInput input) {
        Objects.requireNonNull(input, "input");
        long id = nextId++;
        pending.put(id, new Pending(clientId, input, clock.getAsLong()));
        return id;
    }

    /** Notes that operation {@code id} was answered with {@code output} (null is accepted for a write). */
    public synchronized void ok(long id, KvOutput output) {
        long now = clock.getAsLong();
        Pending op = find(id);
        completed.add(new Operation(op.clientId(), op.input(), output, op.call(), now));
        pending.remove(id);
    }

    /** Notes that operation {@code id} got no answer, so whether it took effect is unknown. */
    public synchronized void unknown(long id) {
        Pending op = find(id);
        if (!op.input().isRead()) {
            completed.add(unknownWrite(op));
        }
        pending.remove(id);
    }

    /**
     * Returns the completed operations in completion order. A write that is still pending is included with an
     * unknown outcome, because a client that is still waiting (or was abandoned) may already have had its effect
     * observed by others; a pending read is left out for the same reason an unknown one is.
     */
    public synchronized List<Operation> history() {
        List<Operation> result = new ArrayList<>(completed);
        pending.values().stream()
                .filter(op -> !op.input().isRead())
                .map(HistoryRecorder::unknownWrite)
                .forEach(result::add);
        return List.copyOf(result);
    }

    private Pending find(long id) {
        Pending op = pending.get(id);
        if (op == null) {
            throw new IllegalStateException("operation " + id + " was never invoked or is already completed");
        }
        return op;
    }

    private static Operation unknownWrite(Pending op) {
        return new Operation(op.clientId(), op.input(), KvOutput.WRITTEN, op.call(), Event.UNKNOWN_RETURN);
    }
}
