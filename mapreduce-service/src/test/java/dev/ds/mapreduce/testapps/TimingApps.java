package dev.ds.mapreduce.testapps;

import dev.ds.mapreduce.app.Emitter;
import dev.ds.mapreduce.app.MapReduceApp;
import java.util.Iterator;

/** The parallelism probes: one pair per line; map or reduce calls wait for a call on another worker. */
public final class TimingApps {

    public static final Overlap MAPS = new Overlap();
    public static final Overlap REDUCES = new Overlap();
    static final long WAIT_MS = 2000;

    private TimingApps() {
    }

    /** 6.824's {@code mtiming}. */
    public static final class MapTiming implements MapReduceApp {
        @Override
        public String name() {
            return "mtiming";
        }

        @Override
        public void map(String document, String line, Emitter out) {
            MAPS.call(WAIT_MS);
            out.emit(line, "x");
        }

        @Override
        public String reduce(String key, Iterator<String> values) {
            return "1";
        }
    }

    /** 6.824's {@code rtiming}. */
    public static final class ReduceTiming implements MapReduceApp {
        @Override
        public String name() {
            return "rtiming";
        }

        @Override
        public void map(String document, String line, Emitter out) {
            out.emit(line, "x");
        }

        @Override
        public String reduce(String key, Iterator<String> values) {
            REDUCES.call(WAIT_MS);
            return "1";
        }
    }
}
