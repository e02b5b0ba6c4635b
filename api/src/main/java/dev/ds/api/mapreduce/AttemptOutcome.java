package dev.ds.api.mapreduce;

/** How an attempt ended, as its worker reports it. */
public enum AttemptOutcome {
    /** The attempt finished: map output ready to serve, or reduce output in its temporary file. */
    COMPLETED,
    /** The app threw: the task is retried, and the job fails after too many such failures. */
    FAILED,
    /** A reduce attempt could not fetch some map outputs ({@code lostOutputs}): those maps run again. */
    OUTPUT_LOST
}
