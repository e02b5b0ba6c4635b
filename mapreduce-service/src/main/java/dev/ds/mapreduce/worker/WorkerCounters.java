package dev.ds.mapreduce.worker;

import java.util.concurrent.atomic.LongAdder;

/** What a worker has done since start: the source of its metrics. */
public final class WorkerCounters {

    final LongAdder bytesRead = new LongAdder();
    final LongAdder bytesShuffled = new LongAdder();
    final LongAdder bytesWritten = new LongAdder();
    final LongAdder tasksCompleted = new LongAdder();
    final LongAdder tasksFailed = new LongAdder();
    final LongAdder tasksAborted = new LongAdder();

    /** Input bytes read by map tasks. */
    public long bytesRead() {
        return bytesRead.sum();
    }

    /** Map output bytes that reduce tasks fetched, from this worker or others. */
    public long bytesShuffled() {
        return bytesShuffled.sum();
    }

    /** Map partitions and reduce outputs written. */
    public long bytesWritten() {
        return bytesWritten.sum();
    }

    public long tasksCompleted() {
        return tasksCompleted.sum();
    }

    public long tasksFailed() {
        return tasksFailed.sum();
    }

    /** Attempts stopped because the coordinator no longer wanted them. */
    public long tasksAborted() {
        return tasksAborted.sum();
    }
}
