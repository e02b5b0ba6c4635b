package dev.ds.mapreduce.testapps;

import dev.ds.mapreduce.app.Emitter;
import dev.ds.mapreduce.app.Indexer;
import dev.ds.mapreduce.app.MapReduceApp;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;

/**
 * The indexer with a few slow reduce calls (6.824's {@code early_exit.go}), so that reduce tasks
 * finish far apart and a job that claimed success too early would show missing or changing output.
 */
public final class EarlyExitApp implements MapReduceApp {

    private final Indexer indexer = new Indexer();

    @Override
    public String name() {
        return "early-exit";
    }

    @Override
    public void map(String document, String line, Emitter out) {
        indexer.map(document, line, out);
    }

    @Override
    public String reduce(String key, Iterator<String> values) {
        if (key.equals("Sherlock") || key.equals("Tom")) {
            LockSupport.parkNanos(1_000_000_000L);
        }
        return indexer.reduce(key, values);
    }
}
