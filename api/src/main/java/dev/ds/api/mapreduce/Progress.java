package dev.ds.api.mapreduce;

/** How many tasks of one kind a job has, and how many of them are completed. */
public record Progress(int total, int completed) {
}
