package dev.ds.paxos.api;

/**
 * Phase 2b: the acceptor's answer to an accept.
 *
 * @param vote {@code GRANTED} means "accepted"
 * @param promised with {@code REJECTED}: the higher number the acceptor promised
 * @param decided with {@code DECIDED}: the instance's decided value
 * @param done the highest instance the acceptor's application is done with
 * @param epoch the newest epoch the acceptor knows
 */
public record AcceptReply(Vote vote, ProposalNumber promised, Value decided, Long done, Long epoch) {

    public AcceptReply {
        Fields.required("vote", vote);
        Fields.required("promised", promised);
        Fields.done(done);
        Fields.nonNegative("epoch", epoch);
        if (vote == Vote.DECIDED && decided == null) {
            throw new IllegalArgumentException("decided: must be given with vote DECIDED");
        }
    }

    public AcceptReply(Vote vote, ProposalNumber promised, Value decided, long done, long epoch) {
        this(vote, promised, decided, Long.valueOf(done), Long.valueOf(epoch));
    }
}
