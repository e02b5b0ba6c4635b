package dev.ds.paxos.api;

/**
 * Phase 1b: the acceptor's answer to a prepare.
 *
 * @param vote {@code GRANTED} is the promise
 * @param promised with {@code GRANTED} the number just promised; with {@code REJECTED} the higher
 *     number promised before, which the proposer must go above
 * @param acceptedNumber with {@code GRANTED}: the highest-numbered proposal this acceptor has
 *     accepted in the instance, or {@link ProposalNumber#NONE}
 * @param acceptedValue its value, or null
 * @param decided with {@code DECIDED}: the instance's decided value
 * @param done the highest instance the acceptor's application is done with
 * @param epoch the newest epoch the acceptor knows
 */
public record PrepareReply(Vote vote, ProposalNumber promised, ProposalNumber acceptedNumber, Value acceptedValue,
        Value decided, Long done, Long epoch) {

    public PrepareReply {
        Fields.required("vote", vote);
        Fields.required("promised", promised);
        Fields.required("acceptedNumber", acceptedNumber);
        Fields.done(done);
        Fields.nonNegative("epoch", epoch);
        if (vote == Vote.DECIDED && decided == null) {
            throw new IllegalArgumentException("decided: must be given with vote DECIDED");
        }
    }

    public static PrepareReply promise(ProposalNumber number, ProposalNumber acceptedNumber, Value acceptedValue,
            long done, long epoch) {
        return new PrepareReply(Vote.GRANTED, number, acceptedNumber, acceptedValue, null, done, epoch);
    }

    /** An answer other than a promise: rejected, decided, forgotten or abstained. */
    public static PrepareReply refuse(Vote vote, ProposalNumber promised, Value decided, long done, long epoch) {
        return new PrepareReply(vote, promised, ProposalNumber.NONE, null, decided, done, epoch);
    }
}
