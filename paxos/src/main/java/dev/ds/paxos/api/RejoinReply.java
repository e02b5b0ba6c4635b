package dev.ds.paxos.api;

/**
 * What a peer tells a rejoining one.
 *
 * @param initialized whether this peer has concluded (or never needed) the lost-disk rule's
 *     questions: false only for a peer that is itself still asking, which has never voted
 * @param epoch the newest epoch this peer knows: no proposal it has made or promised is of a later one
 * @param max the highest instance this peer holds a vote or a decision for
 * @param min this peer's minimum: every peer is done with the instances below it
 * @param done the highest instance this peer's application is done with
 */
public record RejoinReply(Boolean initialized, Long epoch, Long max, Long min, Long done) {

    public RejoinReply {
        Fields.required("initialized", initialized);
        Fields.nonNegative("epoch", epoch);
        Fields.required("max", max);
        Fields.nonNegative("min", min);
        Fields.done(done);
    }

    public RejoinReply(boolean initialized, long epoch, long max, long min, long done) {
        this(Boolean.valueOf(initialized), Long.valueOf(epoch), Long.valueOf(max), Long.valueOf(min),
                Long.valueOf(done));
    }
}
