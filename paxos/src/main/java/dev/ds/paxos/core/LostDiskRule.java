package dev.ds.paxos.core;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.RejoinReply;
import dev.ds.paxos.api.Vote;
import dev.ds.paxos.storage.PeerMeta;
import dev.ds.paxos.storage.Standing;
import java.util.BitSet;

/**
 * The lost-disk rule: a peer that starts with empty storage may have promised and accepted before
 * and forgotten it, and must not vote as if it had not. It goes through two steps, each answered by
 * peers that vote (a rejoining peer's report is worth nothing: it may have forgotten too).
 *
 * <p><b>Step 1, ask</b> ({@link Standing#EMPTY}): once voting peers that by themselves form a
 * majority of the group have reported the highest instance they hold anything for and the newest
 * epoch they know, the peer concludes:
 * <ol>
 *   <li>it never votes in an instance up to the highest reported, {@code H}. Any instance in which
 *       it could have accepted is among them: a proposer sends accepts only after a majority
 *       promised, that majority and the reporting one share a peer other than this one, and that
 *       peer stored its promise before the accept was sent, so before the crash and before its
 *       report;
 *   <li>it votes only for proposal numbers of a new epoch {@code E}, one above every epoch
 *       reported. A number it promised before the loss is of an epoch some majority kept before
 *       anyone used it (step 2, and epoch 0, which everyone knows), so the reporting majority
 *       includes a peer that kept it, and {@code E} is above it: every later vote is for a number
 *       above every forgotten promise, which is all that phase 1 asks of an acceptor.
 * </ol>
 *
 * <p><b>Step 2, keep</b> ({@link Standing#CONCLUDED}): before it votes, proposes, or names
 * {@code E} in any answer, it has voting peers store {@code E} until, with itself, a majority
 * keeps it. That is what makes step 1's second point true for the next peer that loses its disk.
 * Then it votes ({@link Standing#VOTING}).
 *
 * <p>Both outcomes are stored as soon as they are reached, so a peer restarted in between goes on
 * from where it was. The rule keeps safety while, at any time, a majority of the group keeps its
 * disks; it finishes while a majority of voting peers can talk to the rejoining one. A group of one
 * has nobody to ask and nobody whose promise it could break: it concludes at once.
 */
final class LostDiskRule {

    private final int me;
    private final int peers;
    private final RejoinReply[] reports;
    private final BitSet kept = new BitSet();
    private Standing standing;
    private long floorEpoch;
    private long abstainThrough;

    private LostDiskRule(int me, int peers, PeerMeta meta) {
        this.me = me;
        this.peers = peers;
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

    /**
     * What a refusal names. Only a voting peer names its floor: before that, its new epoch is not
     * yet kept by a majority and must not reach a proposer.
     */
    ProposalNumber floor() {
        return standing == Standing.VOTING ? ProposalNumber.floor(floorEpoch) : ProposalNumber.NONE;
    }

    /** The epoch that step 2 asks peers to keep; -1 during step 1. */
    long epochToKeep() {
        return standing == Standing.CONCLUDED ? floorEpoch : -1;
    }

    /** Whether this peer still needs to hear (again) from {@code peer}. */
    boolean needsReportFrom(int peer) {
        return switch (standing) {
            case EMPTY -> reports[peer] == null;
            case CONCLUDED -> !kept.get(peer);
            case VOTING -> false;
        };
    }

    /** How many voting peers have answered the current step, and how many it needs. */
    int heard() {
        return switch (standing) {
            case EMPTY -> count();
            case CONCLUDED -> kept.cardinality();
            case VOTING -> 0;
        };
    }

    int needed() {
        return switch (standing) {
            case EMPTY -> Quorum.majority(peers);
            case CONCLUDED -> Quorum.majority(peers) - 1;
            case VOTING -> 0;
        };
    }

    /**
     * A new member found that the group has history before it voted: it follows the rule from
     * step 1, as if started with {@code existing}. Answers the meta to store.
     */
    PeerMeta restartAsLostDisk(PeerMeta meta) {
        standing = Standing.EMPTY;
        return meta.withStanding(Standing.EMPTY);
    }

    /**
     * Records {@code from}'s answer to a question that asked it to keep {@code keep} (-1: none), and
     * answers the meta to store when this peer's standing changes (else null). Step 2 counts only
     * answers to a question that carried this peer's epoch: those are the peers that stored it.
     * {@code meta} and {@code knownEpoch} are what this peer knows itself.
     */
    PeerMeta report(int from, long keep, RejoinReply reply, PeerMeta meta, long knownEpoch) {
        if (from == me || !reply.voting() || !needsReportFrom(from)) {
            return null;
        }
        if (standing == Standing.EMPTY) {
            reports[from] = reply;
            return count() >= needed() ? conclude(meta, knownEpoch) : null;
        }
        if (keep != floorEpoch) {
            return null;
        }
        kept.set(from);
        if (kept.cardinality() < needed()) {
            return null;
        }
        standing = Standing.VOTING;
        return meta.withStanding(Standing.VOTING);
    }

    /** A group of one has nobody to ask: it concludes on what it knows and votes. */
    PeerMeta alone(PeerMeta meta, long knownEpoch, long knownMax) {
        floorEpoch = knownEpoch + 1;
        abstainThrough = knownMax;
        standing = Standing.VOTING;
        return meta.concluded(floorEpoch, abstainThrough, meta.min()).withStanding(Standing.VOTING);
    }

    private PeerMeta conclude(PeerMeta meta, long knownEpoch) {
        long epoch = Math.max(knownEpoch, meta.storedEpoch());
        long max = -1;
        long min = meta.min();
        for (RejoinReply report : reports) {
            if (report != null) {
                epoch = Math.max(epoch, report.epoch());
                max = Math.max(max, report.max());
                min = Math.max(min, report.min());
            }
        }
        floorEpoch = epoch + 1;
        abstainThrough = max;
        standing = Standing.CONCLUDED;
        return meta.concluded(floorEpoch, abstainThrough, min);
    }

    private int count() {
        int count = 0;
        for (RejoinReply report : reports) {
            count += report == null ? 0 : 1;
        }
        return count;
    }
}
