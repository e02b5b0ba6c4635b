package dev.ds.testkit.linearizability;

/** The outcome of a linearizability check. */
public enum Verdict {
    /** The history is linearizable. */
    OK,
    /** The history is not linearizable. */
    ILLEGAL,
    /** The time budget ran out before a verdict was reached; nothing is known. */
    UNKNOWN
}
