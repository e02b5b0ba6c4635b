package dev.ds.paxos.core;

import java.time.Duration;
import java.util.Random;

/**
 * How long a proposer waits after a failed round: a random time between {@code min} and a
 * ceiling that doubles with each failed round up to {@code max}. The randomness breaks the duel of
 * two proposers that keep preempting each other (Paxos is live only if, eventually, one proposer
 * runs alone long enough).
 */
public record RetryPolicy(Duration min, Duration max) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(300));

    public RetryPolicy {
        if (min == null || max == null || min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("retry: need 0 < min <= max, was " + min + ", " + max);
        }
    }

    /** The wait after {@code failedRounds} failed rounds (1 or more). */
    public Duration delay(int failedRounds, Random random) {
        long low = min.toMillis();
        int doublings = Math.min(Math.max(failedRounds - 1, 0), 20);
        long ceiling = Math.min(max.toMillis(), low << doublings);
        return Duration.ofMillis(low + random.nextInt((int) (ceiling - low + 1)));
    }
}
