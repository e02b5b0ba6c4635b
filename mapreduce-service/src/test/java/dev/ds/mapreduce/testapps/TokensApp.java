package dev.ds.mapreduce.testapps;

import dev.ds.mapreduce.app.Emitter;
import dev.ds.mapreduce.app.MapReduceApp;
import java.util.Iterator;

/** Counts whitespace-separated tokens: the map and reduce functions of the 2015 lab's tests. */
public final class TokensApp implements MapReduceApp {

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public void map(String document, String line, Emitter out) {
        for (String token : line.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                out.emit(token, "1");
            }
        }
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
