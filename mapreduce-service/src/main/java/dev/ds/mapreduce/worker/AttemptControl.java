package dev.ds.mapreduce.worker;

import dev.ds.api.mapreduce.TaskAssignment;
import dev.ds.mapreduce.engine.TaskControl;
import java.util.concurrent.atomic.AtomicLong;

/** The running attempt as the heartbeat sees it: its progress, and the switch that cancels it. */
final class AttemptControl implements TaskControl {

    final TaskAssignment task;
    private final AtomicLong progress = new AtomicLong();
    private volatile boolean cancelled;

    AttemptControl(TaskAssignment task) {
        this.task = task;
    }

    @Override
    public void progressed(long units) {
        progress.addAndGet(units);
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    long progress() {
        return progress.get();
    }

    @Override
    public String toString() {
        return task.job() + " " + task.kind() + " " + task.index() + " (attempt " + task.attempt() + ")";
    }
}
