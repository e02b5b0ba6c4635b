package dev.ds.testkit.cluster;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** Waits for a condition with a deadline, polling every few milliseconds; never a fixed sleep. */
public final class Await {

    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails the test with {@code what} at the deadline. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** The 6.824 {@code waitn}: waits until {@code count} reaches {@code n}. */
    public static void waitN(String what, int n, Duration timeout, IntSupplier count) {
        until(what + " (wanted " + n + ")", timeout, () -> count.getAsInt() >= n);
    }
}
