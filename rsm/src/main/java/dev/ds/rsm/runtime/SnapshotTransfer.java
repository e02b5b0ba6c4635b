package dev.ds.rsm.runtime;

import dev.ds.rpc.Endpoint;

/**
 * The node-to-node call of catch-up by snapshot: a replica the log has left behind asks a peer of
 * its group for the peer's current state. One replicated state machine runs per node, so the path
 * needs no name.
 */
public final class SnapshotTransfer {

    public static final Endpoint<Request, Reply> SNAPSHOT =
            Endpoint.post("rsm.snapshot", "/internal/rsm/snapshot", Request.class, Reply.class);

    private SnapshotTransfer() {
    }

    /** What serves the call: a node's replica. */
    @FunctionalInterface
    public interface Source {
        Reply snapshot(Request request);
    }

    /** @param applied the highest instance the asking replica has applied */
    public record Request(long applied) { }

    /**
     * @param snapshot the peer's state (JSON bytes, base64 on the wire), or null when the peer is not
     *     ahead of the asker or is itself behind
     */
    public record Reply(byte[] snapshot) {

        public static Reply none() {
            return new Reply(null);
        }
    }
}
