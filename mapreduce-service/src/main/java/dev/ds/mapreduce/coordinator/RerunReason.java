package dev.ds.mapreduce.coordinator;

/** Why a task is handed out again. */
public enum RerunReason {
    /** Its worker died or restarted while running it. */
    WORKER_LOST,
    /** Its attempt made no progress for the task timeout. */
    LEASE_EXPIRED,
    /** The app threw. */
    FAILED,
    /** A completed map task's output died with its worker, or could not be fetched. */
    OUTPUT_LOST,
    /** A straggler got a backup attempt (the paper's section 3.6). */
    BACKUP
}
