package dev.ds.api.shardmaster;

/**
 * Assigns {@code shard} to the joined group {@code gid}; clientId/seq as for {@link Join}. Whether
 * the shard is below NShards and the gid has joined is decided by the shard master, in log order.
 */
public record Move(Integer shard, long gid, String clientId, Long seq) {

    public Move {
        // A boxed shard: a missing one must be refused, not read as shard 0.
        if (shard == null) {
            throw new IllegalArgumentException("shard: must be given");
        }
        if (shard < 0) {
            throw new IllegalArgumentException("shard: must be >= 0, was " + shard);
        }
        ClientIds.requirePositive(gid);
        ClientIds.check(clientId, seq);
    }
}
