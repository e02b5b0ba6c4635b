package dev.ds.paxos.api;

/**
 * "I started with empty storage: what do you know?" A peer sends it to every other peer before it
 * votes again (the lost-disk rule).
 *
 * @param from index of the rejoining peer
 */
public record RejoinArgs(Integer from) {

    public RejoinArgs {
        Fields.peer("from", from);
    }

    public RejoinArgs(int from) {
        this(Integer.valueOf(from));
    }
}
