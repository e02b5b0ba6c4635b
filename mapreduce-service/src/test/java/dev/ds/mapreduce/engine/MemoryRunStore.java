package dev.ds.mapreduce.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** Runs in memory, for engine tests. */
final class MemoryRunStore implements RunStore {

    final Map<String, ByteArrayOutputStream> runs = new TreeMap<>();

    @Override
    public OutputStream create(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runs.put(name, out);
        return out;
    }

    @Override
    public InputStream open(String name) throws FileNotFoundException {
        ByteArrayOutputStream run = runs.get(name);
        if (run == null) {
            throw new FileNotFoundException(name);
        }
        return new ByteArrayInputStream(run.toByteArray());
    }

    @Override
    public void delete(String name) {
        runs.remove(name);
    }
}
