package dev.ds.testkit.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.history.Event;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks that a model other than the key/value one plugs in, using a counter whose reads must be monotonic. */
class CustomModelTest {

    private enum CounterInput { INCREMENT, READ }

    private record CounterOp(int clientId, CounterInput input, Integer output, long call, long ret)
            implements Event<CounterInput, Integer> {
    }

    private static final class CounterModel implements Model<Integer, CounterInput, Integer> {

        @Override
        public Integer init() {
            return 0;
        }

        @Override
        public Optional<Integer> step(Integer state, CounterInput input, Integer output) {
            if (input == CounterInput.INCREMENT) {
                return Optional.of(state + 1);
            }
            return state.equals(output) ? Optional.of(state) : Optional.empty();
        }
    }

    private static final CounterOp INCREMENT = new CounterOp(0, CounterInput.INCREMENT, null, 0, 5);

    @Test
    void acceptsReadsThatSeeAConcurrentIncrementInOrder() {
        List<CounterOp> history = List.of(INCREMENT,
                new CounterOp(1, CounterInput.READ, 0, 1, 2), new CounterOp(1, CounterInput.READ, 1, 3, 4));

        assertThat(LinearizabilityChecker.check(new CounterModel(), history, Duration.ofSeconds(10)).verdict())
                .isEqualTo(Verdict.OK);
    }

    @Test
    void rejectsReadsThatSeeAnIncrementUndone() {
        List<CounterOp> history = List.of(INCREMENT,
                new CounterOp(1, CounterInput.READ, 1, 1, 2), new CounterOp(1, CounterInput.READ, 0, 3, 4));

        CheckResult result = LinearizabilityChecker.check(new CounterModel(), history, Duration.ofSeconds(10));

        assertThat(result.verdict()).isEqualTo(Verdict.ILLEGAL);
        assertThat(result.key()).isEqualTo("all");
    }
}
