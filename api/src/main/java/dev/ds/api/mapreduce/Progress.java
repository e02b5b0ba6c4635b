package dev.ds.api.mapreduce;

/**
 * How many tasks of one kind a job has and how many are completed, and the same in bytes: for map
 * tasks the bytes of input their splits cover; for reduce tasks the bytes of the map outputs' partitions
 * each will read, as the completed maps reported them (so the reduce total grows while maps
 * complete, and is whole once the map phase is).
 */
public record Progress(int total, int completed, long bytes, long completedBytes) {

    /** Progress counted in tasks only. */
    public Progress(int total, int completed) {
        this(total, completed, 0, 0);
    }
}
