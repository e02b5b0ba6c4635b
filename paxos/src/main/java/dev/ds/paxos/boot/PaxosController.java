package dev.ds.paxos.boot;

import dev.ds.paxos.api.AcceptArgs;
import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.DecidedArgs;
import dev.ds.paxos.api.DecidedReply;
import dev.ds.paxos.api.PrepareArgs;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.RejoinArgs;
import dev.ds.paxos.api.RejoinReply;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.core.PeerClosedException;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The peer-to-peer Paxos endpoints ({@code dev.ds.paxos.api.PaxosApi}); see that package for the protocol. */
@RestController
@RequestMapping("/internal/paxos")
@Tag(name = "paxos (internal)", description = "Node-to-node Paxos messages")
class PaxosController {

    private final PaxosPeer peer;

    PaxosController(PaxosPeer peer) {
        this.peer = peer;
    }

    @PostMapping("/prepare")
    @Operation(summary = "Phase 1a: prepare; the answer is a promise, a rejection, or the decision")
    PrepareReply prepare(@RequestBody PrepareArgs args) {
        return handle(() -> peer.prepare(args));
    }

    @PostMapping("/accept")
    @Operation(summary = "Phase 2a: accept; the answer is accepted, a rejection, or the decision")
    AcceptReply accept(@RequestBody AcceptArgs args) {
        return handle(() -> peer.accept(args));
    }

    @PostMapping("/decided")
    @Operation(summary = "Learning: an instance's decided value")
    DecidedReply decided(@RequestBody DecidedArgs args) {
        return handle(() -> peer.decided(args));
    }

    @PostMapping("/rejoin")
    @Operation(summary = "Lost-disk rule: what this peer knows, for a peer that started with empty storage")
    RejoinReply rejoin(@RequestBody RejoinArgs args) {
        return handle(() -> peer.rejoin(args));
    }

    /** A peer shutting down answers 503, which its caller takes as no reply. */
    private static <T> T handle(Supplier<T> handler) {
        try {
            return handler.get();
        } catch (PeerClosedException closed) {
            throw new ProblemException(ErrorCode.ErrNotReady, closed.getMessage());
        }
    }
}
