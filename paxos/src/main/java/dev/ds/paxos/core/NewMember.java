package dev.ds.paxos.core;

import dev.ds.paxos.api.RejoinReply;
import java.util.BitSet;

/**
 * The guard of {@link Bootstrap#NEW}: a member that started on an empty data dir votes at once,
 * but until it has taken part in anything it asks every peer once whether they have seen it
 * before. A yes means its disk was lost (it was started as new by mistake); once it has taken part,
 * or every peer has said no, it is a member like the others. Guarded by the peer's lock.
 */
final class NewMember {

    /** What one answer means. */
    enum Verdict { NEW, LOST_DISK }

    private final int me;
    private final int peers;
    private final BitSet answered = new BitSet();
    private boolean asking;

    NewMember(int me, int peers, boolean startedEmptyAsNew) {
        this.me = me;
        this.peers = peers;
        this.asking = startedEmptyAsNew && peers > 1;
    }

    /** Whether the member still asks: it has not taken part in anything nor heard every peer. */
    boolean asking() {
        return asking;
    }

    /** Whether to ask {@code peer} (again: it has not answered yet). */
    boolean shouldAsk(int peer) {
        return asking && peer != me && !answered.get(peer);
    }

    /** The member voted, proposed, or learned: it has joined, whatever it hears later. */
    void tookPart() {
        asking = false;
    }

    /** Takes in {@code from}'s answer while asking. */
    Verdict answer(int from, RejoinReply reply) {
        if (!asking) {
            return Verdict.NEW;
        }
        if (reply.knowsYou()) {
            asking = false;
            return Verdict.LOST_DISK;
        }
        answered.set(from);
        asking = answered.cardinality() < peers - 1;
        return Verdict.NEW;
    }
}
