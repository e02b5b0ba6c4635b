package dev.ds.api.mapreduce;

import java.util.List;

/** A worker's periodic sign of life, with the attempts it is running. */
public record Heartbeat(String worker, String incarnation, List<AttemptProgress> running) {

    public Heartbeat {
        Workers.requireIdentity(worker, incarnation);
        running = running == null ? List.of() : List.copyOf(running);
    }
}
