package dev.ds.api.mapreduce;

/**
 * Where the output of map task {@code map} is: at {@code worker}, written by {@code attempt}. A
 * reducer fetches its partition from there.
 */
public record MapOutput(int map, String worker, long attempt) {
}
