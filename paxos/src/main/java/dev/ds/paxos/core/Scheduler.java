package dev.ds.paxos.core;

import java.time.Duration;

/**
 * How a peer runs work later. Real threads in a node ({@code runtime.ExecutorScheduler}); one
 * seeded event queue in the simulator, where time is simulated and nothing runs concurrently.
 * A task never runs on the caller's stack.
 */
public interface Scheduler {

    /** Runs {@code task} soon. */
    void execute(Runnable task);

    /** Runs {@code task} once {@code delay} has passed, in this scheduler's time. */
    void schedule(Duration delay, Runnable task);
}
