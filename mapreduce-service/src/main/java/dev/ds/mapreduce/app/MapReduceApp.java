package dev.ds.mapreduce.app;

import java.util.Iterator;
import java.util.Optional;

/**
 * A MapReduce application: the map and reduce functions of the paper, and an optional combiner.
 *
 * <p>Apps are found with {@link java.util.ServiceLoader}: a class on the worker's (and the
 * coordinator's) class path, with a public no-argument constructor, listed in
 * {@code META-INF/services/dev.ds.mapreduce.app.MapReduceApp}. A job names it by {@link #name()} or
 * by its fully qualified class name. One instance serves every task of the process, possibly on
 * several threads at once, so an app keeps no mutable state.
 *
 * <p>Map sees its input a line at a time, like Hadoop's text input: a key must not span lines.
 * Both functions must be deterministic: a task may run more than once, and the output of a job
 * must not depend on which attempt won.
 */
public interface MapReduceApp {

    /** The name a job uses for this app. */
    String name();

    /**
     * Maps one line of input.
     *
     * @param document the input file's path, as submitted
     * @param line one line, without its line terminator
     * @param out receives the intermediate key/value pairs
     */
    void map(String document, String line, Emitter out);

    /** Reduces every value emitted for {@code key} to the value of its output line. */
    String reduce(String key, Iterator<String> values);

    /**
     * A combiner that folds a key's values together on the map side, before they are written and
     * shuffled. Absent by default.
     */
    default Optional<Combiner> combiner() {
        return Optional.empty();
    }
}
