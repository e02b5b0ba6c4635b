package dev.ds.api.mapreduce;

/**
 * A worker the coordinator has heard from.
 *
 * @param id the worker's {@code node.self} URL
 * @param lastSeen when the coordinator last heard from it, ISO-8601
 */
public record WorkerInfo(String id, String lastSeen, WorkerState state) {
}
