package dev.ds.mapreduce.testapps;

import java.util.HashSet;
import java.util.Set;

/**
 * Measures whether calls from different workers overlap in time (6.824's {@code mtiming.go} and
 * {@code rtiming.go}): each call waits, up to a deadline, for a call from another worker to be
 * running too, and the most distinct workers seen inside at once is kept.
 */
public final class Overlap {

    private final Set<String> inside = new HashSet<>();
    private int most;

    /** Enters, waits up to {@code waitMs} for another worker to be inside, and leaves. */
    public void call(long waitMs) {
        String worker = Crashes.currentWorker();
        synchronized (this) {
            inside.add(worker);
            most = Math.max(most, inside.size());
            notifyAll();
            long deadline = System.nanoTime() + waitMs * 1_000_000;
            try {
                while (inside.size() < 2 && System.nanoTime() < deadline) {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.remove(worker);
        }
    }

    public synchronized int most() {
        return most;
    }

    public synchronized void reset() {
        inside.clear();
        most = 0;
    }
}
