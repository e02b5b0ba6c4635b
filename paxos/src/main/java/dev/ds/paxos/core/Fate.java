package dev.ds.paxos.core;

/** The 6.824 {@code Fate} of an instance, as one peer sees it. */
public enum Fate {
    /** This peer knows the instance's decision. */
    DECIDED,
    /** Not decided yet, or decided without this peer having learned it. */
    PENDING,
    /** Below this peer's minimum: every peer called {@code done} on it, and it has been dropped. */
    FORGOTTEN
}
