package dev.ds.paxos.api;

/**
 * What a peer tells a rejoining one.
 *
 * @param voting whether this peer votes: only a voting peer's report counts under the lost-disk
 *     rule, because a peer that is itself rejoining may have forgotten votes too
 * @param epoch the newest epoch this peer knows or keeps: no number it proposed, promised or was
 *     asked to keep is of a later one
 * @param max the highest instance this peer holds a vote or decision for, abstains in, or forgot
 * @param min this peer's minimum: every peer is done with the instances below it
 * @param done the highest instance this peer's application is done with
 * @param knowsYou whether this peer has seen the asker take part before: it holds a number the
 *     asker proposed, has heard the asker's done value, or has a minimum above 0, which every peer
 *     reached. A new member told so has lost its disk, and follows the lost-disk rule
 */
public record RejoinReply(Boolean voting, Long epoch, Long max, Long min, Long done, Boolean knowsYou) {

    public RejoinReply {
        Fields.required("voting", voting);
        Fields.required("knowsYou", knowsYou);
        Fields.nonNegative("epoch", epoch);
        Fields.required("max", max);
        Fields.nonNegative("min", min);
        Fields.done(done);
    }

    public RejoinReply(boolean voting, long epoch, long max, long min, long done, boolean knowsYou) {
        this(Boolean.valueOf(voting), Long.valueOf(epoch), Long.valueOf(max), Long.valueOf(min),
                Long.valueOf(done), Boolean.valueOf(knowsYou));
    }
}
