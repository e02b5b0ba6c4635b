package dev.ds.testkit.linearizability;

import dev.ds.testkit.history.Event;
import dev.ds.testkit.linearizability.EntryList.Entry;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The search for a linearization of one partition: the backtracking algorithm of Wing &amp; Gong (1993), with the cache
 * of visited configurations that Lowe (2017, "Testing for linearizability") added and Porcupine uses.
 *
 * <p>The search walks the {@link EntryList} from its head. At a call entry it tries to make that operation the next one
 * to take effect: if the model accepts the operation's output and the resulting configuration (the set of linearized
 * operations and the model state) has not been seen before, the operation is lifted out of the list and the walk
 * restarts at the head. Reaching a return entry means that its operation should already have taken effect but could
 * not, so the search undoes its latest choice and tries the call after it instead. A configuration seen before is
 * skipped because everything reachable from it has already been explored without success.
 *
 * <p>An operation whose outcome is unknown returns at {@link Event#UNKNOWN_RETURN}, after every other entry, so the
 * search never has to linearize it. The search therefore succeeds as soon as every operation with a known return has
 * been linearized: the unknown ones still in the list are taken never to have happened, which is one of the outcomes
 * their unknown status allows.
 */
final class WglSearch<S, I, O> {

    /**
     * What the search found.
     *
     * @param verdict          OK, ILLEGAL, or UNKNOWN if the deadline passed first
     * @param longestPrefix    the indices of the longest sequence of operations found to be a legal linearization
     *                         prefix, in order
     * @param stateAfterPrefix the model state after that prefix
     */
    record Outcome<S>(Verdict verdict, List<Integer> longestPrefix, S stateAfterPrefix) {
    }

    private record Config<S>(BitSet linearized, S state) {
    }

    private record Frame<S>(Entry call, S stateBefore) {
    }

    /** Reading the clock costs far more than a search step, so the deadline is only looked at this often. */
    private static final int STEPS_PER_DEADLINE_CHECK = 1024;

    /**
     * The cache of visited configurations is the search's memory. Past this many entries the search
     * gives up with UNKNOWN, as it does when time runs out, rather than exhaust a test JVM's heap.
     */
    private static final int MAX_VISITED = 1_000_000;

    private final Model<S, I, O> model;
    private final List<? extends Event<I, O>> ops;
    private final long deadline;
    private final EntryList list;
    private final BitSet linearized;
    private final Set<Config<S>> visited = new HashSet<>();
    private final List<Frame<S>> stack = new ArrayList<>();
    private S state;
    private int knownLeft;
    private List<Integer> longestPrefix = List.of();
    private S stateAfterLongest;

    /** Prepares a search that gives up once {@link System#nanoTime()} passes {@code deadline}. */
    WglSearch(Model<S, I, O> model, List<? extends Event<I, O>> ops, long deadline) {
        this.model = model;
        this.ops = ops;
        this.deadline = deadline;
        this.list = new EntryList(ops);
        this.linearized = new BitSet(ops.size());
        this.state = model.init();
        this.stateAfterLongest = state;
        this.knownLeft = (int) ops.stream().filter(op -> !op.outcomeUnknown()).count();
    }

    /**
     * Runs the search. While an operation with a known return is left, the walk meets that operation's return entry
     * before it can fall off the end of the list, because unknown returns sort last; so {@code entry} is never null.
     */
    Outcome<S> run() {
        Entry entry = list.first();
        long steps = 0;
        while (knownLeft > 0) {
            if (++steps % STEPS_PER_DEADLINE_CHECK == 0
                    && (System.nanoTime() - deadline > 0 || visited.size() > MAX_VISITED)) {
                return outcome(Verdict.UNKNOWN);
            }
            if (entry.isCall) {
                entry = tryLinearize(entry) ? list.first() : entry.next;
            } else if (stack.isEmpty()) {
                return outcome(Verdict.ILLEGAL);
            } else {
                entry = backtrack().next;
            }
        }
        return outcome(Verdict.OK);
    }

    /** Makes the operation of {@code call} the next to take effect, if the model and the cache allow it. */
    private boolean tryLinearize(Entry call) {
        Event<I, O> op = ops.get(call.op);
        Optional<S> next = model.step(state, op.input(), op.output());
        if (next.isEmpty()) {
            return false;
        }
        linearized.set(call.op);
        if (!visited.add(new Config<>((BitSet) linearized.clone(), next.get()))) {
            linearized.clear(call.op);
            return false;
        }
        stack.add(new Frame<>(call, state));
        state = next.get();
        EntryList.lift(call);
        if (!op.outcomeUnknown()) {
            knownLeft--;
        }
        if (stack.size() > longestPrefix.size()) {
            longestPrefix = stack.stream().map(frame -> frame.call().op).toList();
            stateAfterLongest = state;
        }
        return true;
    }

    /** Undoes the latest linearization and returns the call entry it had chosen. */
    private Entry backtrack() {
        Frame<S> top = stack.remove(stack.size() - 1);
        EntryList.unlift(top.call());
        linearized.clear(top.call().op);
        state = top.stateBefore();
        if (!ops.get(top.call().op).outcomeUnknown()) {
            knownLeft++;
        }
        return top.call();
    }

    private Outcome<S> outcome(Verdict verdict) {
        return new Outcome<>(verdict, longestPrefix, stateAfterLongest);
    }
}
