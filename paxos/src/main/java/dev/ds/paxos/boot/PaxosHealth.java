package dev.ds.paxos.boot;

import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.core.PeerStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The Paxos state in health details. UP while the peer can take part in a majority now (it votes,
 * and a majority answers it); otherwise OUT_OF_SERVICE with the reason, which keeps the node's own
 * health UP (it is alive) while its readiness, which services tie to {@link #ready}, says no.
 */
public final class PaxosHealth implements HealthIndicator {

    private final PaxosPeer peer;

    PaxosHealth(PaxosPeer peer) {
        this.peer = peer;
    }

    /**
     * Readiness of a service replicated on this peer (its {@code serving} indicator): UP only when
     * the peer can take part in a majority now and the service has caught up with the log.
     */
    public static Health serving(PaxosPeer peer, boolean behind) {
        String reason = peer.peerStatus().notReadyReason();
        if (reason == null && behind) {
            reason = "behind: the log has forgotten instances this replica needs; catching up from a peer";
        }
        return reason == null ? Health.up().build() : Health.outOfService().withDetail("reason", reason).build();
    }

    @Override
    public Health health() {
        PeerStatus status = peer.peerStatus();
        Health.Builder health = status.ready() ? Health.up() : Health.outOfService()
                .withDetail("reason", status.notReadyReason());
        return health
                .withDetail("min", status.min())
                .withDetail("max", status.max())
                .withDetail("retained", status.retained())
                .withDetail("proposing", status.proposing())
                .withDetail("voting", !status.rejoining())
                .withDetail("standing", status.standing().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("floorEpoch", status.floorEpoch())
                .withDetail("reachable", status.reachable() + " of " + status.peers())
                .build();
    }
}
