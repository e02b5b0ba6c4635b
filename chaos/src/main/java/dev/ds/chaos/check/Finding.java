package dev.ds.chaos.check;

import java.util.Set;

/**
 * The result of one check on one store.
 *
 * @param offending ids of the operations that show the problem, for the report to mark
 */
public record Finding(String store, String check, Status status, String detail, Set<Long> offending) {

    /** PASS, a violation, or UNKNOWN (the check could not decide: never counted as a pass). */
    public enum Status { PASS, VIOLATION, UNKNOWN }

    public static Finding pass(String store, String check, String detail) {
        return new Finding(store, check, Status.PASS, detail, Set.of());
    }
}
