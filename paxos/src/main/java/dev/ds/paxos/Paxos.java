package dev.ds.paxos;

import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.core.Status;

/**
 * The 6.824 Paxos interface over an application's own value type: what the replicated services
 * use. Instances are independent agreements numbered from 0.
 *
 * <pre>
 *   px.start(seq, v)   begin agreement on instance seq, proposing v; returns at once
 *   px.status(seq)     DECIDED with the value, PENDING, or FORGOTTEN
 *   px.done(seq)       this peer's application no longer needs instances up to seq
 *   px.max()           the highest instance this peer has seen
 *   px.min()           instances below it are forgotten
 * </pre>
 */
public final class Paxos<V> {

    private final PaxosPeer peer;
    private final ValueCodec<V> codec;

    public Paxos(PaxosPeer peer, ValueCodec<V> codec) {
        this.peer = peer;
        this.codec = codec;
    }

    public void start(long seq, V value) {
        peer.start(seq, codec.encode(value));
    }

    public PaxosStatus<V> status(long seq) {
        Status status = peer.status(seq);
        return new PaxosStatus<>(status.fate(), status.isDecided() ? codec.decode(status.value()) : null);
    }

    public void done(long seq) {
        peer.done(seq);
    }

    public long max() {
        return peer.max();
    }

    public long min() {
        return peer.min();
    }

    /** The peer underneath, for its status snapshot. */
    public PaxosPeer peer() {
        return peer;
    }
}
