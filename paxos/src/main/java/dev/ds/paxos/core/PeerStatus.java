package dev.ds.paxos.core;

import dev.ds.paxos.storage.Standing;

/**
 * A snapshot of one peer, for {@code /actuator/paxos}, health, readiness, metrics and tests.
 *
 * @param min instances below it are forgotten
 * @param max the highest instance seen
 * @param retained instances held in memory (storage holds the same ones)
 * @param retainedBytes bytes of values those instances hold
 * @param proposing proposers still running
 * @param inFlight calls sent and not yet answered
 * @param standing under the lost-disk rule; only a {@code VOTING} peer votes
 * @param peers the size of the group
 * @param heard voting peers that answered the lost-disk rule's current step
 * @param needed how many that step needs (0 once voting)
 * @param reachable peers, this one included, that answered their last exchange
 * @param floorEpoch the epoch the lost-disk rule fixed (0 if it never ran)
 * @param fresh a new member that has not taken part in anything yet: it would still defer to a
 *     peer with history
 */
public record PeerStatus(long min, long max, long retained, long retainedBytes, int proposing, int inFlight,
        Standing standing, int peers, int heard, int needed, int reachable, long floorEpoch, boolean fresh) {

    /** No proposer runs and no call is outstanding: nothing will happen until something arrives. */
    public boolean idle() {
        return proposing == 0 && inFlight == 0;
    }

    /** Whether the peer does not vote yet, under the lost-disk rule. */
    public boolean rejoining() {
        return standing != Standing.VOTING;
    }

    /** The peer can take part in a majority now: it votes, and a majority (itself included) answers it. */
    public boolean ready() {
        return !rejoining() && reachable >= Quorum.majority(peers);
    }

    /** Why the peer is not {@link #ready}, in one line; null when it is. */
    public String notReadyReason() {
        return switch (standing) {
            case EMPTY -> "waiting for " + (needed - heard) + " of " + (peers - 1)
                    + " peers under the lost-disk rule (asking what they know)";
            case CONCLUDED -> "waiting for " + (needed - heard) + " of " + (peers - 1)
                    + " peers under the lost-disk rule (to keep epoch " + floorEpoch + ")";
            case VOTING -> ready() ? null : "in contact with " + reachable + " of " + peers
                    + " peers (itself included); a majority is " + Quorum.majority(peers);
        };
    }
}
