package dev.ds.api.mapreduce;

/**
 * How many tasks of one kind a job has and how many are completed, and for map tasks the same in
 * bytes: the bytes of input their splits cover. Reduce tasks count tasks only (bytes 0): their
 * input size is not reported to the coordinator.
 */
public record Progress(int total, int completed, long bytes, long completedBytes) {

    /** Progress counted in tasks only. */
    public Progress(int total, int completed) {
        this(total, completed, 0, 0);
    }
}
