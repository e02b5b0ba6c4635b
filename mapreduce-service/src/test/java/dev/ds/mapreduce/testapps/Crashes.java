package dev.ds.mapreduce.testapps;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fault switch of the crash app (6.824's {@code crash.go}): with a seeded chance per call it
 * crashes the worker that runs it, or stalls it. The {@value #FORCED_CRASH_CALL}th call after
 * arming always crashes, so that every run, whatever its seed, sees at least one crash. The harness says what a crash does to a worker
 * (kills it on the in-memory network), since a test cannot end its own JVM.
 */
public final class Crashes {

    /** Unwinds the crashed worker's task thread; nothing catches an {@link Error}. */
    public static final class WorkerCrashed extends Error {
        WorkerCrashed() {
            super("worker crashed on purpose", null, false, false);
        }
    }

    static final long FORCED_CRASH_CALL = 100;

    private static Random random = new Random(0);
    private static long calls;
    private static double crashRate;
    private static double stallRate;
    private static long stallMillis;
    private static Consumer<String> crash = worker -> { };
    private static CountDownLatch released = new CountDownLatch(0);

    private Crashes() {
    }

    /** Arms the switch; {@link #disarm} must follow. */
    public static synchronized void arm(long seed, double crashPerCall, double stallPerCall, long stallMs,
            Consumer<String> crashWorker) {
        random = new Random(seed);
        calls = 0;
        crashRate = crashPerCall;
        stallRate = stallPerCall;
        stallMillis = stallMs;
        crash = crashWorker;
        released = new CountDownLatch(1);
    }

    /** Ends every stall at once and turns faults off. */
    public static synchronized void disarm() {
        crashRate = 0;
        stallRate = 0;
        released.countDown();
    }

    /** Called by the app once per map or reduce call. */
    static void maybeCrash() {
        double roll;
        CountDownLatch latch;
        long stall;
        synchronized (Crashes.class) {
            roll = random.nextDouble();
            latch = released;
            stall = stallMillis;
            calls++;
            if (roll < crashRate || (crashRate > 0 && calls == FORCED_CRASH_CALL)) {
                crash.accept(currentWorker());
                throw new WorkerCrashed();
            }
            if (roll >= crashRate + stallRate) {
                return;
            }
        }
        try {
            latch.await(stall, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The worker whose task thread this is: task threads are named {@code mr-worker <self>}. */
    static String currentWorker() {
        String name = Thread.currentThread().getName();
        return name.startsWith("mr-worker ") ? name.substring("mr-worker ".length()) : name;
    }
}
