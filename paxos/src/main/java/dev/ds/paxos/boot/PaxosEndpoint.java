package dev.ds.paxos.boot;

import dev.ds.paxos.api.PaxosState;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.core.PeerStatus;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code GET /actuator/paxos}: {@code {"min", "max", "retained"}} (CONTRACT.md section 8). */
@Endpoint(id = "paxos")
public class PaxosEndpoint {

    private final PaxosPeer peer;

    PaxosEndpoint(PaxosPeer peer) {
        this.peer = peer;
    }

    @ReadOperation
    public PaxosState paxos() {
        PeerStatus status = peer.peerStatus();
        return new PaxosState(status.min(), status.max(), status.retained());
    }
}
