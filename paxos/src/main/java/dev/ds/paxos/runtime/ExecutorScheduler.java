package dev.ds.paxos.runtime;

import dev.ds.paxos.core.Scheduler;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Scheduler} of a running peer: a pool of daemon threads for its work and its outbound
 * calls, and one timer thread that only hands due tasks to the pool. Closing it is the peer's
 * crash as far as threads go: queued work is dropped and nothing new runs.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    public ExecutorScheduler(String name) {
        this.workers = Executors.newCachedThreadPool(daemons(name));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons(name + "-timer"));
    }

    @Override
    public void execute(Runnable task) {
        try {
            workers.execute(() -> runLogged(task));
        } catch (RejectedExecutionException stopped) {
            log.trace("scheduler closed; task dropped");
        }
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        try {
            timer.schedule(() -> execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            log.trace("scheduler closed; timer dropped");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** An exception escaping a task is a bug (an invariant broke): it must be seen, not swallowed. */
    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("Paxos task failed", e);
            throw e;
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
