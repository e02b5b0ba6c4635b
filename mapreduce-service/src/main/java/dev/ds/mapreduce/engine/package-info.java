/**
 * How a task runs, independent of where: reading the lines of a split, the map output buffer with
 * its combiner, partitioning by {@code hash(key) mod nReduce}, sorting and spilling, the
 * intermediate record format, and the merge that feeds the reduce function. Streams come from the
 * edge (the worker, or the reference run); this package opens no file and no connection, and keeps
 * the protocol-core rules.
 */
package dev.ds.mapreduce.engine;
