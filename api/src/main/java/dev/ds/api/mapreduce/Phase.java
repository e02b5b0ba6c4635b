package dev.ds.api.mapreduce;

/**
 * The phase a job is in: {@code MAP} while a map task is unfinished (again, if a map output was lost
 * with its worker), {@code REDUCE} while a reduce task is, {@code DONE} once the job has ended.
 */
public enum Phase {
    MAP,
    REDUCE,
    DONE
}
