package dev.ds.testkit.linearizability;

import static dev.ds.testkit.linearizability.Ops.NEVER;
import static dev.ds.testkit.linearizability.Ops.append;
import static dev.ds.testkit.linearizability.Ops.get;
import static dev.ds.testkit.linearizability.Ops.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.history.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinearizabilityCheckerTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    static Stream<Arguments> linearizable() {
        return Stream.of(
                Arguments.of("empty history", List.of()),
                Arguments.of("put then get", List.of(put("k", "x", 0, 1), get("k", "x", 2, 3))),
                Arguments.of("get of absent key reads no key", List.of(get("k", null, 0, 1))),
                Arguments.of("get concurrent with the first put reads no key",
                        List.of(put("k", "x", 0, 3), get("k", null, 1, 2))),
                Arguments.of("get concurrent with the first put reads it",
                        List.of(put("k", "x", 0, 3), get("k", "x", 1, 2))),
                Arguments.of("get concurrent with an overwrite reads the old value",
                        List.of(put("k", "x", 0, 1), put("k", "y", 2, 6), get("k", "x", 3, 4))),
                Arguments.of("get concurrent with an overwrite reads the new value",
                        List.of(put("k", "x", 0, 1), put("k", "y", 2, 6), get("k", "y", 3, 4))),
                Arguments.of("concurrent appends in call order",
                        List.of(append("k", "a", 0, 5), append("k", "b", 1, 6), get("k", "ab", 7, 8))),
                Arguments.of("concurrent appends in reverse call order",
                        List.of(append("k", "a", 0, 5), append("k", "b", 1, 6), get("k", "ba", 7, 8))),
                Arguments.of("append to absent key acts as put", List.of(append("k", "a", 0, 1), get("k", "a", 2, 3))),
                Arguments.of("put of the empty string", List.of(put("k", "", 0, 1), get("k", "", 2, 3))),
                Arguments.of("intervals that touch count as concurrent",
                        List.of(put("k", "x", 1, 2), get("k", null, 2, 3))),
                Arguments.of("unknown append that took effect",
                        List.of(append("k", "x", 0, NEVER), get("k", "x", 5, 6))),
                Arguments.of("unknown append that never took effect",
                        List.of(append("k", "x", 0, NEVER), get("k", null, 5, 6), get("k", null, 7, 8))),
                Arguments.of("unknown append that took effect late", List.of(put("k", "a", 0, 1),
                        append("k", "b", 2, NEVER), get("k", "a", 3, 4), get("k", "ab", 5, 6))),
                Arguments.of("two unknown appends of which only the second took effect",
                        List.of(append("k", "a", 0, NEVER), append("k", "b", 1, NEVER), get("k", "b", 2, 3))),
                Arguments.of("unknown put seen and then overwritten", List.of(put("k", "a", 0, NEVER),
                        get("k", "a", 1, 2), put("k", "b", 3, 4), get("k", "b", 5, 6))));
    }

    static Stream<Arguments> notLinearizable() {
        return Stream.of(
                Arguments.of("stale read after a completed overwrite",
                        List.of(put("k", "x", 0, 1), put("k", "y", 2, 3), get("k", "x", 4, 5))),
                Arguments.of("no key after a completed put", List.of(put("k", "x", 0, 1), get("k", null, 2, 3))),
                Arguments.of("lost append",
                        List.of(append("k", "a", 0, 1), append("k", "b", 2, 3), get("k", "a", 4, 5))),
                Arguments.of("lost append among concurrent appends",
                        List.of(append("k", "a", 0, 2), append("k", "b", 1, 3), get("k", "a", 4, 5))),
                Arguments.of("duplicated append", List.of(append("k", "x", 0, 1), get("k", "xx", 2, 3))),
                Arguments.of("duplicated append among concurrent appends",
                        List.of(append("k", "x", 0, 3), append("k", "y", 1, 4), get("k", "xyx", 5, 6))),
                Arguments.of("read of a value never written", List.of(get("k", "z", 0, 1))),
                Arguments.of("reads going back in time", List.of(put("k", "x", 0, 1), put("k", "y", 2, 10),
                        get("k", "y", 3, 4), get("k", "x", 5, 6))),
                Arguments.of("empty string read as no key", List.of(put("k", "", 0, 1), get("k", null, 2, 3))),
                Arguments.of("no key read as empty string", List.of(get("k", "", 0, 1))),
                Arguments.of("unknown write taking effect before its call",
                        List.of(get("k", "x", 0, 1), put("k", "x", 2, NEVER))),
                Arguments.of("unknown append applied twice", List.of(append("k", "x", 0, NEVER), get("k", "xx", 1, 2))),
                Arguments.of("unknown append seen and then unseen",
                        List.of(append("k", "a", 0, NEVER), get("k", "a", 1, 2), get("k", null, 3, 4))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linearizable")
    void acceptsLinearizableHistories(String name, List<Operation> history) {
        assertThat(LinearizabilityChecker.check(history, BUDGET)).isEqualTo(new CheckResult(Verdict.OK, null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notLinearizable")
    void rejectsHistoriesThatAreNotLinearizable(String name, List<Operation> history) {
        CheckResult result = LinearizabilityChecker.check(history, BUDGET);

        assertThat(result.verdict()).isEqualTo(Verdict.ILLEGAL);
        assertThat(result.key()).isEqualTo("k");
    }

    @Test
    void namesTheOneBadKeyOfAMultiKeyHistory() {
        Operation staleRead = get("b", "1", 6, 7);
        List<Operation> history = List.of(put("a", "1", 0, 1), put("b", "1", 0, 1), put("c", "1", 0, 1),
                put("a", "2", 2, 3), put("b", "2", 2, 3), append("c", "2", 2, 3),
                get("a", "2", 4, 5), get("c", "12", 4, 5), staleRead);

        CheckResult result = LinearizabilityChecker.check(history, BUDGET);

        assertThat(result.verdict()).isEqualTo(Verdict.ILLEGAL);
        assertThat(result.key()).isEqualTo("b");
        assertThat(result.explanation()).startsWith("b (3 operations) is not linearizable.")
                .contains(staleRead.toString());
    }

    @Test
    void explainsWithTheLongestLinearizablePrefix() {
        List<Operation> history = List.of(put("k", "x", 0, 1), put("k", "y", 2, 3), get("k", "x", 4, 5));

        String explanation = LinearizabilityChecker.check(history, BUDGET).explanation();

        assertThat(explanation).contains("Longest linearizable prefix (2 operations), leaving the state \"y\":\n"
                + "  " + history.get(0) + "\n  " + history.get(1) + "\n");
        assertThat(explanation).endsWith("was found:\n  " + history.get(2) + "\n");
    }

    @Test
    @Timeout(60)
    void givesUpWithUnknownWhenTheBudgetRunsOut() {
        CheckResult result = LinearizabilityChecker.check(expensive("k"), Duration.ofMillis(5));

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.key()).isEqualTo("k");
    }

    @Test
    @Timeout(60)
    void reportsAnIllegalKeyEvenAfterTheBudgetRanOutOnAnother() {
        List<Operation> history = new ArrayList<>(expensive("a"));
        history.add(put("b", "x", 0, 1));
        history.add(get("b", null, 2, 3));

        CheckResult result = LinearizabilityChecker.check(history, Duration.ofMillis(5));

        assertThat(result.verdict()).isEqualTo(Verdict.ILLEGAL);
        assertThat(result.key()).isEqualTo("b");
    }

    /**
     * Sixteen concurrent appends of distinct letters followed by a read that no order of them explains. Every order
     * yields a different value, so the cache cannot prune, and the search must try all 16! orders before ILLEGAL.
     */
    private static List<Operation> expensive(String key) {
        List<Operation> history = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            history.add(append(key, String.valueOf((char) ('a' + i)), i, 100 + i));
        }
        history.add(get(key, "impossible", 200, 201));
        return history;
    }
}
