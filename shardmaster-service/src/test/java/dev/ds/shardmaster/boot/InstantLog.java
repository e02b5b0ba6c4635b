package dev.ds.shardmaster.boot;

import dev.ds.paxos.PaxosStatus;
import dev.ds.rsm.Log;
import java.util.HashMap;
import java.util.Map;

/** A log of one replica that decides every instance at the first proposal: enough to drive a controller slice. */
final class InstantLog<E> implements Log<E> {

    private final Map<Long, E> decided = new HashMap<>();

    @Override
    public synchronized void start(long seq, E entry) {
        decided.putIfAbsent(seq, entry);
    }

    @Override
    public synchronized PaxosStatus<E> status(long seq) {
        E entry = decided.get(seq);
        return entry == null ? PaxosStatus.pending() : PaxosStatus.decided(entry);
    }

    @Override
    public void done(long seq) {
        // Nothing to forget: a slice test applies a handful of entries.
    }

    @Override
    public synchronized long max() {
        return decided.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
