package dev.ds.paxos.api;

/**
 * "I started with empty storage: what do you know?" A peer under the lost-disk rule sends it before
 * it votes again, in two steps: first to learn what a majority knows ({@code keepEpoch} -1), then
 * to have a majority store the new epoch it concluded ({@code keepEpoch} that epoch) before it uses
 * it. A new member sends it once with -1 to find out whether the group already has history.
 *
 * @param from index of the asking peer
 * @param keepEpoch an epoch the receiver must store, synced, before it answers; -1 for none
 */
public record RejoinArgs(Integer from, Long keepEpoch) {

    public RejoinArgs {
        Fields.peer("from", from);
        if (keepEpoch == null) {
            keepEpoch = -1L;
        }
        if (keepEpoch < -1) {
            throw new IllegalArgumentException("keepEpoch: must be >= -1, was " + keepEpoch);
        }
    }

    public RejoinArgs(int from, long keepEpoch) {
        this(Integer.valueOf(from), Long.valueOf(keepEpoch));
    }

    /** The question alone, storing nothing. */
    public static RejoinArgs ask(int from) {
        return new RejoinArgs(from, -1);
    }
}
