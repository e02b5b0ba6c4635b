package dev.ds.mapreduce.coordinator;

import dev.ds.api.mapreduce.TaskState;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks stragglers for backup attempts (the paper's section 3.6): near the end of a phase, when a
 * worker has nothing else to do, a task whose only attempt has run far longer than the tasks of
 * its phase that already completed gets a second attempt elsewhere, and whichever finishes first
 * wins.
 *
 * <p>"Far longer" is at least {@code factor} times the median completed duration and at least
 * {@code minTicks}: an ordinary spread of task durations never triggers a backup, so a job without
 * failures or slow machines runs each task once (CONTRACT.md section 6).
 */
final class Backups {

    private final double factor;
    private final long minTicks;

    Backups(double factor, long minTicks) {
        this.factor = factor;
        this.minTicks = minTicks;
    }

    /** The straggler that most deserves a backup on {@code worker}: the one that started first. */
    Optional<Task> pick(Collection<Job> jobs, String worker, long now) {
        return jobs.stream().filter(Job::running)
                .flatMap(job -> stragglers(job.phaseTasks(), worker, now).stream())
                .min(Comparator.comparingLong((Task t) -> t.running.get(0).startedTick));
    }

    private List<Task> stragglers(List<Task> phase, String worker, long now) {
        if (phase.stream().anyMatch(t -> t.state() == TaskState.IDLE)) {
            return List.of();
        }
        long[] durations = phase.stream().filter(t -> t.state() == TaskState.COMPLETED)
                .mapToLong(t -> t.durationTicks).sorted().toArray();
        if (durations.length == 0) {
            return List.of();
        }
        long threshold = Math.max(minTicks, (long) Math.ceil(factor * durations[durations.length / 2]));
        return phase.stream()
                .filter(t -> t.running.size() == 1)
                .filter(t -> !t.running.get(0).worker.equals(worker))
                .filter(t -> now - t.running.get(0).startedTick >= threshold)
                .toList();
    }
}
