package dev.ds.mapreduce.boot;

import dev.ds.api.mapreduce.NextTaskReply;
import dev.ds.api.mapreduce.NextTaskRequest;
import dev.ds.mapreduce.coordinator.Coordinator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The coordinator's side of a worker's long poll for work. The core decides what an idle worker
 * gets ({@link Coordinator#nextTask}); this only holds a request that got nothing, for up to its
 * {@code waitMs}, and asks the core again whenever work may have appeared: a job submitted, an
 * attempt reported, or a tick (timeouts and backup tasks come with time). An idle cluster then
 * costs one request per worker per wait instead of one per poll interval, and a submitted job's
 * first tasks leave at once instead of at the workers' next poll.
 */
final class TaskLongPoll {

    private final Coordinator coordinator;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long changes;

    TaskLongPoll(Coordinator coordinator) {
        this.coordinator = coordinator;
    }

    /** A task for the worker, or nothing once its wait is over with none to give. */
    NextTaskReply next(NextTaskRequest request) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.waitMs());
        while (true) {
            long seen = changes();
            NextTaskReply reply = coordinator.nextTask(request);
            long left = deadline - System.nanoTime();
            if (reply.task() != null || left <= 0 || !awaitChangeAfter(seen, left)) {
                return reply;
            }
        }
    }

    /** Something may have made work: held requests ask the core again. */
    void changed() {
        lock.lock();
        try {
            changes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long changes() {
        lock.lock();
        try {
            return changes;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code nanos} for a change after {@code seen}; false when interrupted. */
    private boolean awaitChangeAfter(long seen, long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (changes == seen && left > 0) {
                left = changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
