package dev.ds.testkit.linearizability;

import dev.ds.testkit.history.Event;
import dev.ds.testkit.history.Operation;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Checks whether a concurrent history is linearizable, in the manner of Porcupine: each partition of the history is
 * searched separately with the Wing &amp; Gong / Lowe algorithm ({@link WglSearch}), the history is OK only if every
 * partition is, and a single illegal partition makes it ILLEGAL.
 *
 * <p>Linearizability checking is NP-complete, so the search is bounded by a time budget shared by all partitions. When
 * the budget runs out the verdict is UNKNOWN, never OK. The remaining partitions are still given a brief look, since a
 * small one may prove the history ILLEGAL, which is worth more to a failing test than UNKNOWN.
 */
public final class LinearizabilityChecker {

    /** How many operations of each kind an explanation lists before it summarises the rest. */
    private static final int MAX_LISTED = 25;

    /** Budgets are capped so that computing the deadline cannot overflow. */
    private static final Duration MAX_BUDGET = Duration.ofDays(1);

    private LinearizabilityChecker() {
    }

    /** Checks a key/value history against {@link KvModel}. */
    public static CheckResult check(List<Operation> history, Duration budget) {
        return check(new KvModel(), history, budget);
    }

    /** Checks a history against {@code model}, giving up with UNKNOWN once {@code budget} has elapsed. */
    public static <S, I, O, E extends Event<I, O>> CheckResult check(
            Model<S, I, O> model, List<E> history, Duration budget) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(history, "history");
        if (budget.isNegative()) {
            throw new IllegalArgumentException("negative budget " + budget);
        }
        long deadline = System.nanoTime() + (budget.compareTo(MAX_BUDGET) > 0 ? MAX_BUDGET : budget).toNanos();
        CheckResult result = CheckResult.ok();
        for (Map.Entry<String, List<E>> partition : model.partition(history).entrySet()) {
            String key = partition.getKey();
            List<E> ops = partition.getValue();
            WglSearch.Outcome<S> outcome = new WglSearch<>(model, ops, deadline).run();
            if (outcome.verdict() == Verdict.ILLEGAL) {
                return new CheckResult(Verdict.ILLEGAL, key, explainIllegal(model, key, ops, outcome));
            }
            if (outcome.verdict() == Verdict.UNKNOWN && result.isOk()) {
                result = new CheckResult(Verdict.UNKNOWN, key, "the time budget of " + budget
                        + " ran out while checking " + key + " (" + ops.size() + " operations)");
            }
        }
        return result;
    }

    /**
     * Shows the longest legal prefix the search found and the operations left over. The violation is usually among the
     * first left-over operations, whose outputs the prefix's final state cannot explain.
     */
    private static <S> String explainIllegal(
            Model<S, ?, ?> model, String key, List<? extends Event<?, ?>> ops, WglSearch.Outcome<S> outcome) {
        StringBuilder text = new StringBuilder();
        text.append(key).append(" (").append(ops.size()).append(" operations) is not linearizable.\n")
                .append("Longest linearizable prefix (").append(outcome.longestPrefix().size())
                .append(" operations), leaving the state ").append(model.describeState(outcome.stateAfterPrefix()))
                .append(":\n");
        list(text, outcome.longestPrefix().stream().map(ops::get).toList());
        Set<Integer> done = new HashSet<>(outcome.longestPrefix());
        text.append("No legal way to continue with the remaining operations (by call time) was found:\n");
        list(text, IntStream.range(0, ops.size()).filter(i -> !done.contains(i)).mapToObj(ops::get)
                .sorted(Comparator.comparingLong(Event::call)).toList());
        return text.toString();
    }

    private static void list(StringBuilder text, List<? extends Event<?, ?>> ops) {
        ops.stream().limit(MAX_LISTED).forEach(op -> text.append("  ").append(op).append('\n'));
        if (ops.size() > MAX_LISTED) {
            text.append("  ... and ").append(ops.size() - MAX_LISTED).append(" more\n");
        }
    }
}
