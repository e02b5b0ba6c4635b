package dev.ds.paxos.core;

/**
 * A snapshot of one peer, for {@code /actuator/paxos}, health, metrics and tests.
 *
 * @param min instances below it are forgotten
 * @param max the highest instance seen
 * @param retained instances held in memory (storage holds the same ones)
 * @param retainedBytes bytes of values those instances hold
 * @param proposing proposers still running
 * @param inFlight calls sent and not yet answered
 * @param rejoining whether the peer does not vote yet, under the lost-disk rule
 */
public record PeerStatus(long min, long max, long retained, long retainedBytes, int proposing, int inFlight,
        boolean rejoining) {

    /** No proposer runs and no call is outstanding: nothing will happen until something arrives. */
    public boolean idle() {
        return proposing == 0 && inFlight == 0;
    }
}
