package dev.ds.paxos.api;

/**
 * The answer to a decided message: only the piggybacked state.
 *
 * @param done the highest instance the receiver's application is done with
 * @param epoch the newest epoch the receiver knows
 */
public record DecidedReply(Long done, Long epoch) {

    public DecidedReply {
        Fields.done(done);
        Fields.nonNegative("epoch", epoch);
    }

    public DecidedReply(long done, long epoch) {
        this(Long.valueOf(done), Long.valueOf(epoch));
    }
}
