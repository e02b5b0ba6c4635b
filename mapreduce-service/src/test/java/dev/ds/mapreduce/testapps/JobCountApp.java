package dev.ds.mapreduce.testapps;

import dev.ds.mapreduce.app.Emitter;
import dev.ds.mapreduce.app.MapReduceApp;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts map calls (6.824's {@code jobcount.go}); its inputs have one line each, so one call per map task. */
public final class JobCountApp implements MapReduceApp {

    public static final AtomicInteger MAP_CALLS = new AtomicInteger();

    @Override
    public String name() {
        return "jobcount";
    }

    @Override
    public void map(String document, String line, Emitter out) {
        MAP_CALLS.incrementAndGet();
        out.emit("a", "x");
    }

    @Override
    public String reduce(String key, Iterator<String> values) {
        int n = 0;
        while (values.hasNext()) {
            values.next();
            n++;
        }
        return Integer.toString(n);
    }
}
