package dev.ds.paxos.api;

/**
 * Phase 2a: "accept ({@code number}, {@code value})" in instance {@code seq}.
 *
 * @param from index of the proposing peer
 * @param done the highest instance the proposer's application is done with (-1 for none)
 */
public record AcceptArgs(Long seq, ProposalNumber number, Value value, Integer from, Long done) {

    public AcceptArgs {
        Fields.seq(seq);
        Fields.required("number", number);
        Fields.required("value", value);
        Fields.peer("from", from);
        Fields.done(done);
    }

    public AcceptArgs(long seq, ProposalNumber number, Value value, int from, long done) {
        this(Long.valueOf(seq), number, value, Integer.valueOf(from), Long.valueOf(done));
    }
}
