package dev.ds.shardkv.group;

/**
 * What applying an entry answers. A client's operation is {@code OK} (with the value read, null
 * when the key has none), {@code WRONG_GROUP} (with the owner in the applied configuration) or
 * {@code NOT_READY} (ours, still arriving). A group entry is {@code OK} when it changed the state
 * and {@code IGNORED} when it was stale or a duplicate.
 */
public record ShardKvResult(Outcome outcome, String value, long owner) {

    public enum Outcome { OK, WRONG_GROUP, NOT_READY, IGNORED }

    static final ShardKvResult DONE = new ShardKvResult(Outcome.OK, null, 0);
    static final ShardKvResult IGNORED = new ShardKvResult(Outcome.IGNORED, null, 0);
    static final ShardKvResult NOT_READY = new ShardKvResult(Outcome.NOT_READY, null, 0);

    static ShardKvResult read(String value) {
        return new ShardKvResult(Outcome.OK, value, 0);
    }

    static ShardKvResult wrongGroup(long owner) {
        return new ShardKvResult(Outcome.WRONG_GROUP, null, owner);
    }
}
