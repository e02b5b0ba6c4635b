/**
 * The application interface ({@link dev.ds.mapreduce.app.MapReduceApp}), how apps are found
 * ({@link dev.ds.mapreduce.app.Apps}, by {@link java.util.ServiceLoader}), and the built-in apps
 * {@code wordcount} and {@code indexer}.
 */
package dev.ds.mapreduce.app;
