package dev.ds.paxos.core;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.RejoinReply;
import dev.ds.paxos.api.Vote;
import dev.ds.paxos.storage.PeerMeta;
import dev.ds.paxos.storage.Standing;
import java.util.function.Predicate;

/**
 * The lost-disk rule: a peer that starts with empty storage may have promised and accepted before
 * and forgotten it, and must not vote as if it had not.
 *
 * <p>Before it votes, it asks every other peer for the highest instance it has voted (or learned)
 * in and the newest epoch it knows. Then:
 * <ol>
 *   <li>it never votes in an instance up to the highest reported, {@code H}: any instance in which
 *       it could have accepted is among them, because a proposer sends accepts only after a
 *       majority promised, and every majority has a member among the others, which stored its
 *       promise before the accept was sent, so before the crash. It still learns and reports
 *       their decisions;
 *   <li>it votes only for proposal numbers of a new epoch {@code E}, one above every epoch
 *       reported: a number it promised before the loss is known to its proposer, which is alive
 *       (and reported), or is dead (and then its promise can complete nothing that some other
 *       acceptor did not also promise, and store, and report). So every later vote is for a
 *       number above every forgotten promise, which is all that phase 1 asks of an acceptor.
 * </ol>
 * It waits for every other peer, not a majority: any of them may be the proposer that holds its
 * forgotten promise. Until it has concluded it does not propose either: the disk also held the
 * incarnation that keeps its own proposal numbers unique, and only numbers of the new epoch are
 * sure to be ones it never sent.
 *
 * <p>A new group whose peers all start empty goes through the same steps. So that none of them
 * abstains in instances another voted in while it was still asking, a peer that has concluded
 * (and answers "initialized") still waits to vote until every other peer has concluded too: then
 * nobody votes before every peer has computed its {@code H}, and in a new group every {@code H} is
 * -1. The outcome is stored as soon as it is concluded, so a peer restarted while it waits goes on
 * waiting with the same {@code E} and {@code H} rather than concluding again, later, from reports
 * that may by then include votes.
 */
final class LostDiskRule {

    private final int me;
    private final RejoinReply[] reports;
    private Standing standing;
    private long floorEpoch;
    private long abstainThrough;

    private LostDiskRule(int me, int peers, PeerMeta meta) {
        this.me = me;
        this.reports = new RejoinReply[peers];
        this.standing = meta.standing();
        this.floorEpoch = meta.floorEpoch();
        this.abstainThrough = meta.abstainThrough();
    }

    static LostDiskRule of(PeerMeta meta, int me, int peers) {
        return new LostDiskRule(me, peers, meta);
    }

    Standing standing() {
        return standing;
    }

    /** Why this acceptor must not vote on {@code number} in {@code seq}, or null when it may. */
    Vote refusal(long seq, ProposalNumber number) {
        if (standing != Standing.VOTING || seq <= abstainThrough) {
            return Vote.ABSTAINED;
        }
        return number.epoch() < floorEpoch ? Vote.REJECTED : null;
    }

    /** What a {@code REJECTED} refusal names, so that the proposer moves to the new epoch. */
    ProposalNumber floor() {
        return ProposalNumber.floor(floorEpoch);
    }

    /** Whether this peer still needs to hear (again) from {@code peer}. */
    boolean needsReportFrom(int peer) {
        return switch (standing) {
            case EMPTY -> reports[peer] == null;
            case CONCLUDED -> reports[peer] == null || !reports[peer].initialized();
            case VOTING -> false;
        };
    }

    /**
     * Records {@code from}'s report, and answers the meta to store when this peer's standing
     * changes (else null): once every other peer has reported, it concludes {@code E} and {@code
     * H}; once every other peer has concluded too, it votes. {@code meta} and {@code knownEpoch}
     * are what this peer knows itself.
     */
    PeerMeta report(int from, RejoinReply reply, PeerMeta meta, long knownEpoch) {
        reports[from] = reply;
        Standing before = standing;
        if (standing == Standing.EMPTY && others(r -> r != null)) {
            conclude(knownEpoch);
        }
        if (standing == Standing.CONCLUDED && others(r -> r != null && r.initialized())) {
            standing = Standing.VOTING;
        }
        if (standing == before) {
            return null;
        }
        long min = meta.min();
        for (RejoinReply report : reports) {
            min = report == null ? min : Math.max(min, report.min());
        }
        return new PeerMeta(standing, floorEpoch, abstainThrough, meta.done(), min, meta.incarnation());
    }

    private void conclude(long knownEpoch) {
        long epoch = knownEpoch;
        long max = -1;
        for (int peer = 0; peer < reports.length; peer++) {
            if (peer != me) {
                epoch = Math.max(epoch, reports[peer].epoch());
                max = Math.max(max, reports[peer].max());
            }
        }
        floorEpoch = epoch + 1;
        abstainThrough = max;
        standing = Standing.CONCLUDED;
    }

    private boolean others(Predicate<RejoinReply> test) {
        for (int peer = 0; peer < reports.length; peer++) {
            if (peer != me && !test.test(reports[peer])) {
                return false;
            }
        }
        return true;
    }
}
