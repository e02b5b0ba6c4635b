package dev.ds.mapreduce.app;

/** Receives the intermediate key/value pairs of a map function. */
@FunctionalInterface
public interface Emitter {

    void emit(String key, String value);

    /**
     * Emits a key given as a character sequence, which the framework copies only if it needs to
     * keep it: a map function may reuse one sequence (a window on its line, say) for every key it
     * emits, and save a string per key when most keys repeat, as words do.
     */
    default void emit(CharSequence key, String value) {
        emit(key.toString(), value);
    }
}
