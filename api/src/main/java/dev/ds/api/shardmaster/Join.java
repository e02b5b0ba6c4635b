package dev.ds.api.shardmaster;

import java.util.List;

/**
 * Adds replica group {@code gid} with its servers. A missing gid reads as 0 and is refused.
 *
 * @param clientId the calling client, or null for a Join applied once per request
 * @param seq the client's command number, positive and increasing; null exactly when clientId is
 */
public record Join(long gid, List<String> servers, String clientId, Long seq) {

    public Join {
        ClientIds.requirePositive(gid);
        if (servers == null || servers.isEmpty()) {
            throw new IllegalArgumentException("servers: a group needs at least one server");
        }
        if (servers.stream().anyMatch(server -> server == null || server.isBlank())) {
            throw new IllegalArgumentException("servers: must not hold a blank address");
        }
        servers = List.copyOf(servers);
        ClientIds.check(clientId, seq);
    }
}
