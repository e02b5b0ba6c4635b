package dev.ds.testkit.linearizability;

import java.util.Objects;

/**
 * The result of a linearizability check.
 *
 * @param verdict     whether the history is linearizable
 * @param key         for ILLEGAL, the partition (for the key/value model: the key) whose sub-history is not
 *                    linearizable; for UNKNOWN, the partition being checked when the budget ran out; null for OK
 * @param explanation a human-readable account meant for a failing test's message; empty for OK
 */
public record CheckResult(Verdict verdict, String key, String explanation) {

    public CheckResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(explanation, "explanation");
    }

    static CheckResult ok() {
        return new CheckResult(Verdict.OK, null, "");
    }

    public boolean isOk() {
        return verdict == Verdict.OK;
    }

    @Override
    public String toString() {
        return verdict == Verdict.OK ? "OK" : verdict + " (key " + key + "): " + explanation;
    }
}
