package dev.ds.mapreduce.app;

import java.util.Iterator;

/**
 * Folds some of a key's intermediate values into one (the paper's section 4.3). The framework may
 * apply it any number of times, to any subset of a key's values, in any order, including to its
 * own results, so it must be associative and commutative, and its result must be a value that the
 * reduce function accepts like any other.
 */
@FunctionalInterface
public interface Combiner {

    String combine(String key, Iterator<String> values);
}
