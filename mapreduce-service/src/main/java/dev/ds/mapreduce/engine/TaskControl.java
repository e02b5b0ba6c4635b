package dev.ds.mapreduce.engine;

/**
 * What a running task tells its runner, and what the runner tells it: the task reports progress
 * (bytes read, records written) so that the coordinator can tell a slow attempt from a stalled one,
 * and stops with {@link TaskCancelledException} once it is cancelled.
 */
public interface TaskControl {

    TaskControl NONE = new TaskControl() {
        @Override
        public void progressed(long units) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    void progressed(long units);

    boolean cancelled();

    /** Reports {@code units} of progress and throws if the task has been cancelled meanwhile. */
    default void checkpoint(long units) {
        progressed(units);
        if (cancelled()) {
            throw new TaskCancelledException();
        }
    }
}
