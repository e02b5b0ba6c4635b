package dev.ds.mapreduce.app;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The apps this process can run: every {@link MapReduceApp} that {@link ServiceLoader} finds,
 * the built-in {@code wordcount} and {@code indexer} among them. Each is known by its name and by
 * its class name.
 */
public final class Apps {

    private final Map<String, MapReduceApp> byName;

    private Apps(Map<String, MapReduceApp> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Loads every app on {@code loader}'s class path; two apps with one name are an error. */
    public static Apps load(ClassLoader loader) {
        Map<String, MapReduceApp> byName = new TreeMap<>();
        for (MapReduceApp app : ServiceLoader.load(MapReduceApp.class, loader)) {
            register(byName, app.name(), app);
            register(byName, app.getClass().getName(), app);
        }
        return new Apps(byName);
    }

    private static void register(Map<String, MapReduceApp> byName, String name, MapReduceApp app) {
        MapReduceApp earlier = byName.putIfAbsent(name, app);
        if (earlier != null && earlier.getClass() != app.getClass()) {
            throw new IllegalStateException("two MapReduce apps are named " + name + ": "
                    + earlier.getClass().getName() + " and " + app.getClass().getName());
        }
    }

    public Optional<MapReduceApp> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The app called {@code name}; an unknown name is an {@link IllegalArgumentException} naming the known ones. */
    public MapReduceApp get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "app: unknown app " + name + "; known: " + String.join(", ", names())));
    }

    /** The short names, without the class names. */
    public List<String> names() {
        return byName.entrySet().stream().filter(e -> e.getKey().equals(e.getValue().name()))
                .map(Map.Entry::getKey).toList();
    }
}
