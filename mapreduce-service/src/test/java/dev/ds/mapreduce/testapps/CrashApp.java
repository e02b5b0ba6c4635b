package dev.ds.mapreduce.testapps;

import dev.ds.mapreduce.app.Emitter;
import dev.ds.mapreduce.app.MapReduceApp;
import dev.ds.mapreduce.app.WordCount;
import java.util.Iterator;

/** Word count that crashes or stalls its worker at random (6.824's {@code crash.go}). */
public final class CrashApp implements MapReduceApp {

    private final WordCount wordCount = new WordCount();

    @Override
    public String name() {
        return "crash";
    }

    @Override
    public void map(String document, String line, Emitter out) {
        Crashes.maybeCrash();
        wordCount.map(document, line, out);
    }

    @Override
    public String reduce(String key, Iterator<String> values) {
        Crashes.maybeCrash();
        return wordCount.reduce(key, values);
    }
}
