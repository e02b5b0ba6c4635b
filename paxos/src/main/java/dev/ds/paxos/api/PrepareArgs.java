package dev.ds.paxos.api;

/**
 * Phase 1a: "prepare {@code number}" in instance {@code seq}.
 *
 * @param from index of the proposing peer
 * @param done the highest instance the proposer's application is done with (-1 for none)
 */
public record PrepareArgs(Long seq, ProposalNumber number, Integer from, Long done) {

    public PrepareArgs {
        Fields.seq(seq);
        Fields.required("number", number);
        Fields.peer("from", from);
        Fields.done(done);
    }

    public PrepareArgs(long seq, ProposalNumber number, int from, long done) {
        this(Long.valueOf(seq), number, Integer.valueOf(from), Long.valueOf(done));
    }
}
