package dev.ds.mapreduce.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Named byte streams where a task keeps its sorted runs: a map task's spills and its final
 * partitions. The edge decides where they live (a folder of the worker, or memory in tests).
 */
public interface RunStore {

    OutputStream create(String name) throws IOException;

    InputStream open(String name) throws IOException;

    void delete(String name) throws IOException;

    /** The name of partition {@code reduce} of a finished map task. */
    static String partition(int reduce) {
        return "part-" + reduce;
    }
}
