package dev.ds.api.mapreduce;

import java.util.List;

/**
 * The end of an attempt.
 *
 * @param error for {@code FAILED}, what the app threw
 * @param lostOutputs for {@code OUTPUT_LOST}, the map outputs that could not be fetched
 * @param partitionBytes for a {@code COMPLETED} map, the bytes of each reduce partition it wrote
 *     (index r for reduce task r), which the job's reduce progress counts; empty otherwise
 */
public record TaskReport(
        String worker, String incarnation, long attempt, AttemptOutcome outcome, String error,
        List<MapOutput> lostOutputs, List<Long> partitionBytes) {

    public TaskReport(String worker, String incarnation, long attempt, AttemptOutcome outcome, String error,
            List<MapOutput> lostOutputs) {
        this(worker, incarnation, attempt, outcome, error, lostOutputs, List.of());
    }

    public TaskReport {
        Workers.requireIdentity(worker, incarnation);
        if (outcome == null) {
            throw new IllegalArgumentException("outcome: must be given");
        }
        lostOutputs = lostOutputs == null ? List.of() : List.copyOf(lostOutputs);
        partitionBytes = partitionBytes == null ? List.of() : List.copyOf(partitionBytes);
        if (partitionBytes.stream().anyMatch(b -> b == null || b < 0)) {
            throw new IllegalArgumentException("partitionBytes: each must be a size of at least 0");
        }
    }
}
