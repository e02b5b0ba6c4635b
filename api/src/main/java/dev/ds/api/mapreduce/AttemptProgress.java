package dev.ds.api.mapreduce;

/**
 * A running attempt and how far it has got: a counter of work done (bytes read, records written)
 * that only grows while the attempt makes progress.
 */
public record AttemptProgress(long attempt, long progress) {
}
