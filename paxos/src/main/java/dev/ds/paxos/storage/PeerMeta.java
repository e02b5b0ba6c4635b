package dev.ds.paxos.storage;

/**
 * A peer's own durable state besides its instances.
 *
 * @param standing under the lost-disk rule: {@code VOTING} for a member of a new group, or once a
 *     peer that started empty has rejoined
 * @param floorEpoch the lost-disk rule: this acceptor votes only for proposal numbers of this
 *     epoch or later (0 for a peer that never lost its disk)
 * @param abstainThrough the lost-disk rule: this acceptor never votes in instances up to this one
 *     (-1 for a peer that never lost its disk)
 * @param storedEpoch the lost-disk rule, second step: the newest epoch a rejoining peer asked this
 *     one to keep before that epoch may be used. It is only ever reported to later rejoiners, so
 *     that their own epoch goes above it
 * @param done the highest instance this peer's application is done with (-1 for none)
 * @param min instances below it have been forgotten
 * @param incarnation how many times the peer has started on this storage (0: never, the data dir
 *     is empty): part of its proposal numbers, so that a restarted peer never reuses one
 */
public record PeerMeta(Standing standing, long floorEpoch, long abstainThrough, long storedEpoch, long done, long min,
        long incarnation) {

    /** What empty storage holds: a peer that has never started on it. */
    public static final PeerMeta EMPTY = new PeerMeta(Standing.EMPTY, 0, -1, 0, -1, 0, 0);

    public PeerMeta {
        java.util.Objects.requireNonNull(standing, "standing");
    }

    /** Whether nothing was ever stored here: the data dir of a node that never ran, or a lost disk. */
    public boolean neverStarted() {
        return incarnation == 0;
    }

    public PeerMeta withDone(long value) {
        return new PeerMeta(standing, floorEpoch, abstainThrough, storedEpoch, value, min, incarnation);
    }

    /** The meta of the next start on this storage. */
    public PeerMeta restarted() {
        return new PeerMeta(standing, floorEpoch, abstainThrough, storedEpoch, done, min, incarnation + 1);
    }

    public PeerMeta withMin(long value) {
        return new PeerMeta(standing, floorEpoch, abstainThrough, storedEpoch, done, value, incarnation);
    }

    public PeerMeta withStanding(Standing value) {
        return new PeerMeta(value, floorEpoch, abstainThrough, storedEpoch, done, min, incarnation);
    }

    /** Keeps {@code epoch} for later rejoiners (the highest one asked for wins). */
    public PeerMeta withStoredEpoch(long epoch) {
        return new PeerMeta(standing, floorEpoch, abstainThrough, Math.max(storedEpoch, epoch), done, min, incarnation);
    }

    /** The lost-disk rule's conclusion: from now on, vote only from {@code floor} on and above {@code abstain}. */
    public PeerMeta concluded(long floor, long abstain, long newMin) {
        return new PeerMeta(Standing.CONCLUDED, floor, abstain, Math.max(storedEpoch, floor), done,
                Math.max(min, newMin), incarnation);
    }
}
