package dev.ds.rsm.paxos;

import dev.ds.paxos.Paxos;
import dev.ds.paxos.PaxosStatus;
import dev.ds.paxos.ValueCodec;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.rsm.Log;

/** The {@link Log} port over a Paxos peer: the 6.824 interface, one call each. */
public final class PaxosLog<E> implements Log<E> {

    private final Paxos<E> paxos;

    public PaxosLog(Paxos<E> paxos) {
        this.paxos = paxos;
    }

    /** The log of {@code entryType} entries over {@code peer}, each entry one JSON value. */
    public static <E> PaxosLog<E> json(PaxosPeer peer, Class<E> entryType) {
        return new PaxosLog<>(new Paxos<>(peer, ValueCodec.json(entryType)));
    }

    @Override
    public void start(long seq, E entry) {
        paxos.start(seq, entry);
    }

    @Override
    public PaxosStatus<E> status(long seq) {
        return paxos.status(seq);
    }

    @Override
    public void done(long seq) {
        paxos.done(seq);
    }

    @Override
    public long max() {
        return paxos.max();
    }
}
