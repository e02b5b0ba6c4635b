package dev.ds.mapreduce.engine;

/** Which reduce task a key goes to: {@code hash(key) mod nReduce}, with Java's string hash. */
public final class Partitioner {

    private Partitioner() {
    }

    public static int partition(String key, int nReduce) {
        return Math.floorMod(key.hashCode(), nReduce);
    }
}
