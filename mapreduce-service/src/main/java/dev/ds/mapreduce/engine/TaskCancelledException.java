package dev.ds.mapreduce.engine;

/** Unwinds a task that its runner cancelled: another attempt won, or the job ended. */
public final class TaskCancelledException extends RuntimeException {

    public TaskCancelledException() {
        super("task cancelled", null, false, false);
    }
}
