package dev.ds.mapreduce.coordinator;

import java.util.List;

/** One attempt at a task, on one incarnation of one worker. Its lease lasts while it progresses. */
final class Attempt {

    final long id;
    final Task task;
    final String worker;
    final String incarnation;
    final long startedTick;
    /** The reduce attempt's temporary output file; null for maps. */
    final String temporary;
    long progress;
    long lastProgressTick;
    /** A completed map's bytes per reduce partition, as it reported them; empty otherwise. */
    List<Long> partitionBytes = List.of();

    Attempt(long id, Task task, String worker, String incarnation, long startedTick, String temporary) {
        this.id = id;
        this.task = task;
        this.worker = worker;
        this.incarnation = incarnation;
        this.startedTick = startedTick;
        this.temporary = temporary;
        this.lastProgressTick = startedTick;
    }

    boolean runsOn(String workerId, String workerIncarnation) {
        return worker.equals(workerId) && incarnation.equals(workerIncarnation);
    }

    @Override
    public String toString() {
        return "attempt " + id + " of " + task + " on " + worker;
    }
}
