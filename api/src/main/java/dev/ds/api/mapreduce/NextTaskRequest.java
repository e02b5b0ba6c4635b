package dev.ds.api.mapreduce;

/**
 * An idle worker asks for work.
 *
 * @param worker the worker's {@code node.self} URL
 * @param incarnation chosen anew at each start of the worker, so a restarted worker (whose map
 *     outputs are gone) is told apart from one that only went quiet
 */
public record NextTaskRequest(String worker, String incarnation) {

    public NextTaskRequest {
        Workers.requireIdentity(worker, incarnation);
    }
}
