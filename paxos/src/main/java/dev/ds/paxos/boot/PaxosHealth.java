package dev.ds.paxos.boot;

import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.core.PeerStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health details show the Paxos state; a peer still rejoining is up, and says it does not vote yet. */
final class PaxosHealth implements HealthIndicator {

    private final PaxosPeer peer;

    PaxosHealth(PaxosPeer peer) {
        this.peer = peer;
    }

    @Override
    public Health health() {
        PeerStatus status = peer.peerStatus();
        return Health.up()
                .withDetail("min", status.min())
                .withDetail("max", status.max())
                .withDetail("retained", status.retained())
                .withDetail("proposing", status.proposing())
                .withDetail("voting", !status.rejoining())
                .build();
    }
}
