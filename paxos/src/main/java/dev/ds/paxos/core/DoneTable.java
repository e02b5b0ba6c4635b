package dev.ds.paxos.core;

import java.util.Arrays;

/**
 * The done values of every peer as this peer has heard them, and the minimum they give (6.824:
 * {@code Min()} is one more than the lowest done value of all peers).
 *
 * <p>Done values only grow: a message carrying an older one changes nothing. The minimum never
 * goes below {@code floor}, the minimum already acted on (and stored), so a restart, which forgets
 * other peers' done values, does not bring forgotten instances back.
 */
final class DoneTable {

    private final long[] done;
    private final int me;
    private long floor;

    DoneTable(int peers, int me, long ownDone, long floor) {
        this.done = new long[peers];
        Arrays.fill(done, -1);
        this.me = me;
        this.done[me] = ownDone;
        this.floor = floor;
    }

    long own() {
        return done[me];
    }

    /** {@code peer}'s done value as last heard, -1 if never. */
    long of(int peer) {
        return done[peer];
    }

    /** Records {@code peer}'s done value; answers whether that raised the minimum. */
    boolean update(int peer, long value) {
        if (value <= done[peer]) {
            return false;
        }
        long before = min();
        done[peer] = value;
        return min() > before;
    }

    /** Instances below {@code min} are known to be forgotten elsewhere (from a rejoin report). */
    void raiseFloor(long min) {
        floor = Math.max(floor, min);
    }

    long min() {
        long lowest = Long.MAX_VALUE;
        for (long value : done) {
            lowest = Math.min(lowest, value);
        }
        return Math.max(floor, lowest + 1);
    }
}
