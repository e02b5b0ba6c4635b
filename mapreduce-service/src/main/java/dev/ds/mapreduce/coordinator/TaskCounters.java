package dev.ds.mapreduce.coordinator;

import dev.ds.api.mapreduce.TaskKind;

/** What happened to tasks since start, by kind: the source of the coordinator's task metrics. */
public final class TaskCounters {

    private final long[] started = new long[TaskKind.values().length];
    private final long[] completed = new long[TaskKind.values().length];
    private final long[] failed = new long[TaskKind.values().length];
    private final long[][] rerun = new long[TaskKind.values().length][RerunReason.values().length];

    TaskCounters() {
    }

    private TaskCounters(TaskCounters source) {
        System.arraycopy(source.started, 0, started, 0, started.length);
        System.arraycopy(source.completed, 0, completed, 0, completed.length);
        System.arraycopy(source.failed, 0, failed, 0, failed.length);
        for (int k = 0; k < rerun.length; k++) {
            System.arraycopy(source.rerun[k], 0, rerun[k], 0, rerun[k].length);
        }
    }

    TaskCounters copy() {
        return new TaskCounters(this);
    }

    void countStart(TaskKind kind, RerunReason reason) {
        started[kind.ordinal()]++;
        if (reason != null) {
            rerun[kind.ordinal()][reason.ordinal()]++;
        }
    }

    void countCompletion(TaskKind kind) {
        completed[kind.ordinal()]++;
    }

    void countFailure(TaskKind kind) {
        failed[kind.ordinal()]++;
    }

    /** Attempts handed out, backups and re-runs included. */
    public long started(TaskKind kind) {
        return started[kind.ordinal()];
    }

    /** Attempts that won their task. */
    public long completed(TaskKind kind) {
        return completed[kind.ordinal()];
    }

    /** Attempts whose app threw. */
    public long failed(TaskKind kind) {
        return failed[kind.ordinal()];
    }

    /** Attempts that were not their task's first, by why they were needed. */
    public long rerun(TaskKind kind, RerunReason reason) {
        return rerun[kind.ordinal()][reason.ordinal()];
    }
}
