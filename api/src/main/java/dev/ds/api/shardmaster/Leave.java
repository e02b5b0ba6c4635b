package dev.ds.api.shardmaster;

/** Removes replica group {@code gid}; clientId/seq as for {@link Join}. */
public record Leave(long gid, String clientId, Long seq) {

    public Leave {
        ClientIds.requirePositive(gid);
        ClientIds.check(clientId, seq);
    }
}
