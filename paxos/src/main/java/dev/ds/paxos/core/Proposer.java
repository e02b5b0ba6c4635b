package dev.ds.paxos.core;

import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import java.util.BitSet;
import java.util.Optional;

/**
 * One peer's proposer in one instance, as a step-wise state machine: the peer feeds it each
 * answer, and it says what to do next. It sends nothing and waits for nothing itself, so real
 * threads and the single-threaded simulator drive it alike. Guarded by the peer's lock.
 *
 * <pre>
 *            beginRound                  majority promised              majority accepted
 *  (idle) ──────────────► PREPARE ──────────────────────────► ACCEPT ─────────────────────► LEARNED
 *     ▲                     │  │ DECIDED answer ─────────────────┼───────────────────────────▲
 *     └── RETRY (backoff) ◄─┴──┴── majority out of reach ◄───────┘     FORGOTTEN answer: ABANDON
 * </pre>
 *
 * <p>Answers to an earlier round or phase are ignored: each is tagged with the number it answers.
 */
final class Proposer {

    /** What the peer should do after an answer. */
    enum Next {
        /** Nothing yet: wait for more answers. */
        WAIT,
        /** Phase 2a: send accept({@link #number()}, {@link #proposal()}) to every peer. */
        ACCEPT,
        /** The value is chosen: learn {@link #decided()} and tell the peers not {@link #informed()}. */
        LEARNED,
        /** This round cannot succeed: wait a random while, then begin a new round. */
        RETRY,
        /** The instance is forgotten: stop. */
        ABANDON
    }

    private enum Phase { IDLE, PREPARE, ACCEPT }

    private final long seq;
    private final Value own;
    private final int me;
    private final long incarnation;
    private final int peers;
    private Phase phase = Phase.IDLE;
    private ProposalNumber number = ProposalNumber.NONE;
    private ProposalNumber highestSeen = ProposalNumber.NONE;
    private Quorum quorum;
    private ProposalNumber bestNumber = ProposalNumber.NONE;
    private Value bestValue;
    private Value proposal;
    private Value decided;
    private final BitSet informed = new BitSet();
    private int rounds;

    Proposer(long seq, Value own, int me, long incarnation, int peers) {
        this.seq = seq;
        this.own = own;
        this.me = me;
        this.incarnation = incarnation;
        this.peers = peers;
    }

    /** Phase 1a: a new round, numbered above everything seen, in {@code epoch} if that is newer. */
    ProposalNumber beginRound(long epoch) {
        ProposalNumber seen = ProposalNumber.max(highestSeen, number);
        ProposalNumber next = ProposalNumber.above(seen, epoch, me, incarnation);
        if (!next.isAbove(number)) {
            throw new IllegalStateException("instance " + seq + ": proposal numbers must increase: "
                    + number + " -> " + next);
        }
        number = next;
        phase = Phase.PREPARE;
        quorum = new Quorum(peers);
        bestNumber = ProposalNumber.NONE;
        bestValue = null;
        rounds++;
        return number;
    }

    /** Phase 1b arrives: {@code from}'s answer to prepare({@code round}), or no answer. */
    Next onPromise(ProposalNumber round, int from, Optional<PrepareReply> answer) {
        if (phase != Phase.PREPARE || !round.equals(number)) {
            return Next.WAIT;
        }
        if (answer.isEmpty()) {
            return failed(from);
        }
        PrepareReply reply = answer.get();
        switch (reply.vote()) {
            case GRANTED:
                quorum.grant(from);
                if (reply.acceptedNumber().isAbove(bestNumber)) {
                    bestNumber = reply.acceptedNumber();
                    bestValue = reply.acceptedValue();
                }
                return quorum.reached() ? toAccept() : Next.WAIT;
            case DECIDED:
                return learned(from, reply.decided());
            case FORGOTTEN:
                return abandon();
            case REJECTED:
                highestSeen = ProposalNumber.max(highestSeen, reply.promised());
                return failed(from);
            default:
                return failed(from);
        }
    }

    /** Phase 2b arrives: {@code from}'s answer to accept({@code round}), or no answer. */
    Next onAccepted(ProposalNumber round, int from, Optional<AcceptReply> answer) {
        if (phase != Phase.ACCEPT || !round.equals(number)) {
            return Next.WAIT;
        }
        if (answer.isEmpty()) {
            return failed(from);
        }
        AcceptReply reply = answer.get();
        switch (reply.vote()) {
            case GRANTED:
                quorum.grant(from);
                return quorum.reached() ? learned(-1, proposal) : Next.WAIT;
            case DECIDED:
                return learned(from, reply.decided());
            case FORGOTTEN:
                return abandon();
            case REJECTED:
                highestSeen = ProposalNumber.max(highestSeen, reply.promised());
                return failed(from);
            default:
                return failed(from);
        }
    }

    /**
     * Phase 2a: the value is the one of the highest-numbered proposal any promising acceptor had
     * accepted, or this proposer's own if none had: that is what keeps a chosen value chosen.
     */
    private Next toAccept() {
        proposal = bestValue != null ? bestValue : own;
        phase = Phase.ACCEPT;
        quorum = new Quorum(peers);
        return Next.ACCEPT;
    }

    private Next learned(int from, Value value) {
        decided = value;
        if (from >= 0) {
            informed.set(from);
        }
        informed.set(me);
        phase = Phase.IDLE;
        return Next.LEARNED;
    }

    private Next failed(int from) {
        quorum.fail(from);
        if (quorum.lost()) {
            phase = Phase.IDLE;
            return Next.RETRY;
        }
        return Next.WAIT;
    }

    private Next abandon() {
        phase = Phase.IDLE;
        return Next.ABANDON;
    }

    long seq() {
        return seq;
    }

    ProposalNumber number() {
        return number;
    }

    Value proposal() {
        return proposal;
    }

    Value decided() {
        return decided;
    }

    /** Peers known to have the decision already, this one included. */
    BitSet informed() {
        return (BitSet) informed.clone();
    }

    int rounds() {
        return rounds;
    }
}
