package dev.ds.api.mapreduce;

import java.util.List;

/**
 * The end of an attempt.
 *
 * @param error for {@code FAILED}, what the app threw
 * @param lostOutputs for {@code OUTPUT_LOST}, the map outputs that could not be fetched
 */
public record TaskReport(
        String worker, String incarnation, long attempt, AttemptOutcome outcome, String error,
        List<MapOutput> lostOutputs) {

    public TaskReport {
        Workers.requireIdentity(worker, incarnation);
        if (outcome == null) {
            throw new IllegalArgumentException("outcome: must be given");
        }
        lostOutputs = lostOutputs == null ? List.of() : List.copyOf(lostOutputs);
    }
}
