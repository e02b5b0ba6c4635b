package dev.ds.paxos.core;

import java.util.BitSet;

/**
 * Which peers this one can talk to now, as far as its last exchange with each tells: a reply or a
 * request from a peer means it is reachable, a call without a reply means it is not. Peers that
 * have been quiet since the last look are probed, so the answer stays true on an idle group
 * without costing anything on a busy one. Guarded by the peer's lock.
 */
final class Contact {

    private final int me;
    private final int peers;
    private final BitSet reachable = new BitSet();
    private final BitSet heardSinceLook = new BitSet();

    Contact(int me, int peers) {
        this.me = me;
        this.peers = peers;
        reachable.set(me);
    }

    void heard(int peer) {
        reachable.set(peer);
        heardSinceLook.set(peer);
    }

    void missed(int peer) {
        if (peer != me) {
            reachable.clear(peer);
            heardSinceLook.set(peer);
        }
    }

    /** How many peers, this one included, answered their last exchange. */
    int reachable() {
        return reachable.cardinality();
    }

    /** The other peers not heard from since the last call, which then starts a new period. */
    BitSet quietSinceLastLook() {
        BitSet quiet = new BitSet();
        quiet.set(0, peers);
        quiet.clear(me);
        quiet.andNot(heardSinceLook);
        heardSinceLook.clear();
        return quiet;
    }
}
