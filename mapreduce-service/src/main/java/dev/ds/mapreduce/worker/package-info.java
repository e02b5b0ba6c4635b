/**
 * The worker: pulls tasks, runs them with the engine, keeps map outputs on its own disk for
 * reducers to fetch ({@link dev.ds.mapreduce.worker.LocalPartitions}), fetches map outputs from
 * other workers through a {@link dev.ds.mapreduce.worker.PartitionSource}, and sends heartbeats
 * with its progress. An edge: it does file and network I/O and has its own threads.
 */
package dev.ds.mapreduce.worker;
