package dev.ds.api.mapreduce;

/** Checks shared by the worker-to-coordinator messages. */
final class Workers {

    private Workers() {
    }

    static void requireIdentity(String worker, String incarnation) {
        if (worker == null || worker.isBlank()) {
            throw new IllegalArgumentException("worker: must be given (the worker's node.self URL)");
        }
        if (incarnation == null || incarnation.isBlank()) {
            throw new IllegalArgumentException("incarnation: must be given");
        }
    }
}
