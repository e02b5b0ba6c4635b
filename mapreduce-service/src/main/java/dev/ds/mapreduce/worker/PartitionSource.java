package dev.ds.mapreduce.worker;

import dev.ds.api.mapreduce.MapOutput;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where a reducer gets map outputs from other workers: over HTTP in a running system, from the
 * other workers' folders in tests. Empty means it could not be had now (worker dead, unreachable,
 * or no longer holding it), which the reducer may retry and then reports as lost.
 */
@FunctionalInterface
public interface PartitionSource {

    Optional<InputStream> open(String job, MapOutput output, int reduce);
}
