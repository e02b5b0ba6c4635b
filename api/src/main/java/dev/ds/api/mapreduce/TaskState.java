package dev.ds.api.mapreduce;

/** A task is waiting for a worker, running on one or more workers, or done. */
public enum TaskState {
    IDLE,
    RUNNING,
    COMPLETED
}
