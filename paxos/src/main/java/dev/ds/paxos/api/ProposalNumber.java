package dev.ds.paxos.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A proposal number ("Paxos Made Simple", section 2.2): totally ordered, and unique: two proposers
 * never propose under the same number, because the last components name the proposer, a peer in
 * one of its incarnations (a peer restarted after a crash must not reuse a number its previous
 * incarnation may have sent with another value).
 *
 * <p>The order is {@code epoch}, {@code round}, {@code peer}, {@code incarnation}. A proposer's
 * next number is one round above the highest it has seen in the instance. The epoch moves only
 * when a peer rejoins after losing its disk (see the module README, "lost-disk rule"): the
 * rejoined acceptor votes only for numbers of its new epoch or later, which are above every number
 * it could have promised before the loss.
 *
 * @param epoch 0 until the first lost-disk rejoin
 * @param round 1 for a proposer's first round in an instance; 0 only in {@link #NONE} and floors
 * @param peer index of the proposing peer; -1 only in {@link #NONE} and floors
 * @param incarnation how many times the proposing peer has started on its storage
 */
public record ProposalNumber(long epoch, long round, int peer, long incarnation)
        implements Comparable<ProposalNumber> {

    /** Below every real proposal number: what an acceptor has promised before any prepare. */
    public static final ProposalNumber NONE = new ProposalNumber(0, 0, -1, 0);

    public ProposalNumber {
        if (epoch < 0 || round < 0 || peer < -1 || incarnation < 0) {
            throw new IllegalArgumentException("number: epoch, round and incarnation must be >= 0 and peer >= -1,"
                    + " was " + epoch + "." + round + "." + peer + "." + incarnation);
        }
    }

    @JsonCreator
    static ProposalNumber fromJson(@JsonProperty("epoch") Long epoch, @JsonProperty("round") Long round,
            @JsonProperty("peer") Integer peer, @JsonProperty("incarnation") Long incarnation) {
        return new ProposalNumber(Fields.required("number.epoch", epoch), Fields.required("number.round", round),
                Fields.required("number.peer", peer), Fields.required("number.incarnation", incarnation));
    }

    /** The lowest number of {@code epoch}: every proposal of that epoch is above it. */
    public static ProposalNumber floor(long epoch) {
        return new ProposalNumber(epoch, 0, -1, 0);
    }

    /**
     * The number a proposer ({@code peer} in its {@code incarnation}) proposes with next: a round
     * above {@code seen} (the highest number it has seen in the instance, its own included), in
     * {@code epoch} if that is newer.
     */
    public static ProposalNumber above(ProposalNumber seen, long epoch, int peer, long incarnation) {
        if (epoch > seen.epoch) {
            return new ProposalNumber(epoch, 1, peer, incarnation);
        }
        return new ProposalNumber(seen.epoch, seen.round + 1, peer, incarnation);
    }

    public boolean isAbove(ProposalNumber other) {
        return compareTo(other) > 0;
    }

    public boolean isAtLeast(ProposalNumber other) {
        return compareTo(other) >= 0;
    }

    public static ProposalNumber max(ProposalNumber a, ProposalNumber b) {
        return a.isAtLeast(b) ? a : b;
    }

    @Override
    public int compareTo(ProposalNumber other) {
        int byEpoch = Long.compare(epoch, other.epoch);
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byRound = Long.compare(round, other.round);
        if (byRound != 0) {
            return byRound;
        }
        int byPeer = Integer.compare(peer, other.peer);
        return byPeer != 0 ? byPeer : Long.compare(incarnation, other.incarnation);
    }

    @Override
    public String toString() {
        return epoch + "." + round + "." + peer + "." + incarnation;
    }
}
