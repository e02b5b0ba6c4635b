package dev.ds.mapreduce.worker;

import dev.ds.mapreduce.storage.PathRoots;
import java.time.Duration;

/**
 * How a worker runs.
 *
 * @param self this worker's base URL, its identity
 * @param coordinator the coordinator's base URL
 * @param pollInterval how long an idle worker waits before asking for work again
 * @param heartbeatInterval how often it tells the coordinator it lives, and how far its task has got
 * @param sortBufferBytes memory for a map task's output before it spills to disk
 * @param fetchAttempts how often a reducer tries to fetch a map output before reporting it lost
 * @param fetchBackoff the wait between those tries
 * @param inputRoots where the inputs a task names may be; checked again here, for a task is only as
 *     trustworthy as whoever answered as the coordinator
 * @param outputRoots where the output files a task names may be
 */
public record WorkerConfig(
        String self, String coordinator, Duration pollInterval, Duration heartbeatInterval,
        long sortBufferBytes, int fetchAttempts, Duration fetchBackoff, PathRoots inputRoots, PathRoots outputRoots) {
}
