package dev.ds.mapreduce.coordinator;

/**
 * The coordinator's rules, with time in ticks.
 *
 * @param workerTimeoutTicks ticks without a message after which a worker is dead
 * @param taskTimeoutTicks ticks without progress after which an attempt's lease expires
 * @param maxTaskFailures app failures of one task after which its job fails
 * @param backupTasks whether stragglers get backup attempts
 * @param backupFactor a straggler has run this many times longer than the median completed task of its phase
 * @param backupMinTicks and at least this long
 */
public record CoordinatorSettings(
        long workerTimeoutTicks, long taskTimeoutTicks, int maxTaskFailures,
        boolean backupTasks, double backupFactor, long backupMinTicks) {

    public CoordinatorSettings {
        if (workerTimeoutTicks < 1 || taskTimeoutTicks < 1 || backupMinTicks < 0) {
            throw new IllegalArgumentException("timeouts must be at least one tick");
        }
        if (maxTaskFailures < 1) {
            throw new IllegalArgumentException("maxTaskFailures must be at least 1, was " + maxTaskFailures);
        }
        if (!(backupFactor >= 1)) {
            throw new IllegalArgumentException("backupFactor must be at least 1, was " + backupFactor);
        }
    }
}
