package dev.ds.mapreduce.coordinator;

import dev.ds.api.mapreduce.Split;
import dev.ds.api.mapreduce.TaskKind;
import dev.ds.api.mapreduce.TaskState;
import dev.ds.api.mapreduce.TaskStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * One map or reduce task. It is IDLE with no attempt running and no winner, RUNNING with at least
 * one attempt, COMPLETED once an attempt has won; a map task falls back to IDLE if its winner's
 * output is lost before every reduce task has it.
 */
final class Task {

    final Job job;
    final TaskKind kind;
    final int index;
    /** The input of a map task; null for a reduce task. */
    final Split split;
    final List<Attempt> running = new ArrayList<>();
    Attempt winner;
    long durationTicks;
    int attempts;
    int failures;
    /** Why the next attempt is a re-run; null before the first. */
    RerunReason rerunReason;

    Task(Job job, TaskKind kind, int index, Split split) {
        this.job = job;
        this.kind = kind;
        this.index = index;
        this.split = split;
    }

    TaskState state() {
        if (winner != null) {
            return TaskState.COMPLETED;
        }
        return running.isEmpty() ? TaskState.IDLE : TaskState.RUNNING;
    }

    TaskStatus status() {
        String worker = winner != null ? winner.worker
                : running.isEmpty() ? null : running.get(running.size() - 1).worker;
        return new TaskStatus(kind, index, state(), attempts, worker);
    }

    @Override
    public String toString() {
        return job.id + " " + kind + " " + index;
    }
}
