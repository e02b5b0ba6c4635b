package dev.ds.viewservice.pb;

import java.util.function.Supplier;

/**
 * Writes to one key take turns, in the order they arrived, from the forward to the backup to the
 * apply here, so both copies apply them in the same order (rule 3); writes to other keys proceed
 * in parallel. A write waiting for its turn holds nothing, and no lock is held while a turn runs:
 * a slow backup delays only the writes queued behind it on the same key stripe, never a view change.
 */
final class KeyTurns {

    private static final int STRIPES = 64;

    private final long[] issued = new long[STRIPES];
    private final long[] serving = new long[STRIPES];

    /** Runs {@code work} in {@code key}'s turn and returns its answer; the next turn starts when it ends, however it ends. */
    <T> T inTurn(String key, Supplier<T> work) {
        int stripe = Math.floorMod(key.hashCode(), STRIPES);
        awaitTurn(stripe);
        try {
            return work.get();
        } finally {
            synchronized (this) {
                serving[stripe]++;
                notifyAll();
            }
        }
    }

    /** Takes a ticket and waits for it; an interrupt is kept for later, since a skipped ticket would stall the stripe. */
    private synchronized void awaitTurn(int stripe) {
        long ticket = issued[stripe]++;
        boolean interrupted = false;
        while (serving[stripe] != ticket) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
