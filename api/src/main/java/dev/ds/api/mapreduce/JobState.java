package dev.ds.api.mapreduce;

/** Where a job stands. {@code SUCCEEDED} and {@code FAILED} are final. */
public enum JobState {
    RUNNING,
    SUCCEEDED,
    FAILED
}
