package dev.ds.rsm.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticks a core on one thread: again at once while it makes progress; otherwise it waits until
 * {@link #wake()} (a new command, a Paxos message received) or, as a safety net, an idle interval
 * that doubles from 1 ms. The interval stops doubling at {@code busyIdle} while {@code inFlight} says
 * something is under way, because a decision this replica waits for can arrive as the reply to its
 * own proposal, which wakes nobody; and at {@code quietIdle} otherwise, so an idle replica wakes only
 * a few times a second and a busy one never waits long on a timer.
 */
public final class RsmDriver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RsmDriver.class);
    private static final long FIRST_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final BooleanSupplier tick;
    private final long busyIdleNanos;
    private final long quietIdleNanos;
    private final BooleanSupplier inFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Thread thread;
    private boolean woken;
    private volatile boolean running = true;

    public RsmDriver(String name, Duration busyIdle, Duration quietIdle, BooleanSupplier inFlight, BooleanSupplier tick) {
        this.tick = tick;
        this.busyIdleNanos = busyIdle.toNanos();
        this.quietIdleNanos = quietIdle.toNanos();
        this.inFlight = inFlight;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public RsmDriver start() {
        thread.start();
        return this;
    }

    /** There may be work: tick soon. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long idle = FIRST_IDLE_NANOS;
        while (running) {
            boolean progress;
            try {
                progress = tick.getAsBoolean();
            } catch (RuntimeException e) {
                log.error("{}: tick failed", thread.getName(), e);
                progress = false;
            }
            if (progress) {
                idle = FIRST_IDLE_NANOS;
                continue;
            }
            awaitWork(idle);
            idle = Math.min(inFlight.getAsBoolean() ? busyIdleNanos : quietIdleNanos, idle * 2);
        }
    }

    private void awaitWork(long nanos) {
        lock.lock();
        try {
            if (!woken && running) {
                work.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
