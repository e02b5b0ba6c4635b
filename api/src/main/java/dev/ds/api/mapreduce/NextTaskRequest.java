package dev.ds.api.mapreduce;

/**
 * An idle worker asks for work.
 *
 * @param worker the worker's {@code node.self} URL
 * @param incarnation chosen anew at each start of the worker, so a restarted worker (whose map
 *     outputs are gone) is told apart from one that only went quiet
 * @param waitMs how long the coordinator may hold the request when it has no task yet (a long
 *     poll), 0 to answer at once; at most {@value #MAX_WAIT_MS}
 */
public record NextTaskRequest(String worker, String incarnation, long waitMs) {

    public static final long MAX_WAIT_MS = 10_000;

    public NextTaskRequest {
        Workers.requireIdentity(worker, incarnation);
        if (waitMs < 0 || waitMs > MAX_WAIT_MS) {
            throw new IllegalArgumentException("waitMs: must be in 0.." + MAX_WAIT_MS + ", was " + waitMs);
        }
    }

    /** A request answered at once. */
    public NextTaskRequest(String worker, String incarnation) {
        this(worker, incarnation, 0);
    }
}
