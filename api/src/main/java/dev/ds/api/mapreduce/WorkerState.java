package dev.ds.api.mapreduce;

/** A worker is alive while it keeps sending heartbeats. */
public enum WorkerState {
    ALIVE,
    DEAD
}
