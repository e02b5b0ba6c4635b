package dev.ds.api.mapreduce;

/**
 * One task of a job.
 *
 * @param attempts how many times the task was handed to a worker
 * @param worker the worker that runs it, or that completed it; null while idle
 */
public record TaskStatus(TaskKind kind, int index, TaskState state, int attempts, String worker) {
}
