package dev.ds.paxos.sim;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Simulated time and a queue of events, run on one thread. Events run in time order, and events
 * due at the same time in the order they were scheduled, so a run depends only on its inputs (and
 * the seed that generated them). Time is in simulated milliseconds and moves only from one event
 * to the next.
 */
public final class EventLoop {

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long scheduled;
    private long executed;

    public long now() {
        return now;
    }

    /** Events run so far: a cheap fingerprint of a run, and a measure of its size. */
    public long executed() {
        return executed;
    }

    public void after(long delayMs, Runnable task) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay must be >= 0, was " + delayMs);
        }
        queue.add(new Event(now + delayMs, scheduled++, task));
    }

    /** Runs events until {@code time}, or until none are left; time is then {@code time}. */
    public void runUntil(long time) {
        while (!queue.isEmpty() && queue.peek().time <= time) {
            runNext();
        }
        now = Math.max(now, time);
    }

    /**
     * Runs events until {@code done} holds (checked after each event) or {@code deadline} passes;
     * answers whether {@code done} held.
     */
    public boolean runUntil(BooleanSupplier done, long deadline) {
        while (!done.getAsBoolean()) {
            if (queue.isEmpty() || queue.peek().time > deadline) {
                now = Math.max(now, deadline);
                return done.getAsBoolean();
            }
            runNext();
        }
        return true;
    }

    private void runNext() {
        Event event = queue.poll();
        now = event.time;
        executed++;
        event.task.run();
    }

    private record Event(long time, long order, Runnable task) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
