package dev.ds.api.mapreduce;

/** The two kinds of task. */
public enum TaskKind {
    MAP,
    REDUCE
}
