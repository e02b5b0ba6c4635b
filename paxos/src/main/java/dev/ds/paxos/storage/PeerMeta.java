package dev.ds.paxos.storage;

/**
 * A peer's own durable state besides its instances.
 *
 * @param standing under the lost-disk rule: {@code VOTING} for a peer of a new group, or once a peer
 *     that started empty has rejoined
 * @param floorEpoch the lost-disk rule: this acceptor votes only for proposal numbers of this
 *     epoch or later (0 for a peer that never lost its disk)
 * @param abstainThrough the lost-disk rule: this acceptor never votes in instances up to this one
 *     (-1 for a peer that never lost its disk)
 * @param done the highest instance this peer's application is done with (-1 for none)
 * @param min instances below it have been forgotten
 * @param incarnation how many times the peer has started on this storage: part of its proposal
 *     numbers, so that a restarted peer never reuses one
 */
public record PeerMeta(Standing standing, long floorEpoch, long abstainThrough, long done, long min, long incarnation) {

    /** What empty storage holds: a peer that has not been allowed to vote yet. */
    public static final PeerMeta EMPTY = new PeerMeta(Standing.EMPTY, 0, -1, -1, 0, 0);

    public PeerMeta {
        java.util.Objects.requireNonNull(standing, "standing");
    }

    public PeerMeta withDone(long value) {
        return new PeerMeta(standing, floorEpoch, abstainThrough, value, min, incarnation);
    }

    /** The meta of the next start on this storage. */
    public PeerMeta restarted() {
        return new PeerMeta(standing, floorEpoch, abstainThrough, done, min, incarnation + 1);
    }

    public PeerMeta withMin(long value) {
        return new PeerMeta(standing, floorEpoch, abstainThrough, done, value, incarnation);
    }
}
