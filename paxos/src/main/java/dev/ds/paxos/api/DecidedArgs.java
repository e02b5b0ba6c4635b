package dev.ds.paxos.api;

/**
 * Learning: "instance {@code seq} decided {@code value}", sent by the proposer whose value was
 * accepted by a majority, to every other peer.
 *
 * @param from index of the sending peer
 * @param done the highest instance the sender's application is done with (-1 for none)
 */
public record DecidedArgs(Long seq, Value value, Integer from, Long done) {

    public DecidedArgs {
        Fields.seq(seq);
        Fields.required("value", value);
        Fields.peer("from", from);
        Fields.done(done);
    }

    public DecidedArgs(long seq, Value value, int from, long done) {
        this(Long.valueOf(seq), value, Integer.valueOf(from), Long.valueOf(done));
    }
}
