package dev.ds.testkit.linearizability;

import dev.ds.testkit.history.Event;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sequential specification that histories are checked against, in the style of Porcupine's models.
 *
 * <p>The checker memoizes configurations by the states this model returns, so states must be immutable values with
 * {@code equals} and {@code hashCode} that compare contents.
 *
 * @param <S> the state of one partition
 * @param <I> an operation's input
 * @param <O> an operation's output
 */
public interface Model<S, I, O> {

    /** The state before any operation. */
    S init();

    /**
     * Applies one operation to {@code state}.
     *
     * @return the next state, or empty if {@code output} is not a possible answer to {@code input} in {@code state}
     */
    Optional<S> step(S state, I input, O output);

    /**
     * Splits a history into sub-histories that can be checked independently, because a history is linearizable if and
     * only if each of them is (P-compositionality, Horn &amp; Kroening 2015). Checking partitions separately keeps the
     * search exponential in the size of a partition rather than of the whole history. The map's keys name the
     * partitions in results; the default is a single partition.
     */
    default <E extends Event<I, O>> Map<String, List<E>> partition(List<E> history) {
        return history.isEmpty() ? Map.of() : Map.of("all", history);
    }

    /** Describes a state for explanations. */
    default String describeState(S state) {
        return String.valueOf(state);
    }
}
