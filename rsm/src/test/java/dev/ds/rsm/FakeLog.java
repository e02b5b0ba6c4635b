package dev.ds.rsm;

import dev.ds.paxos.PaxosStatus;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Paxos shared by several replicas: the first entry started in an instance is
 * decided there. A replica learns a decision when it is connected as the decision is made or when
 * it starts that instance itself, as with Paxos; a disconnected replica's starts do nothing.
 */
final class FakeLog<E> {

    private final Map<Long, E> decided = new ConcurrentHashMap<>();
    private volatile long forgottenBelow;

    Replica replica() {
        return new Replica();
    }

    /** Decides {@code entry} in {@code seq} as if some replica's proposal had won there. */
    void decide(long seq, E entry) {
        decided.putIfAbsent(seq, entry);
    }

    void forgetBelow(long seq) {
        forgottenBelow = seq;
    }

    final class Replica implements Log<E> {
        private final Set<Long> learned = ConcurrentHashMap.newKeySet();
        private final Set<Replica> peers = new HashSet<>();
        volatile boolean connected = true;
        volatile long done = -1;

        @Override
        public void start(long seq, E entry) {
            if (!connected) {
                return;
            }
            if (decided.putIfAbsent(seq, entry) == null) {
                for (Replica replica : peers) {
                    if (replica.connected) {
                        replica.learned.add(seq);
                    }
                }
            }
            learned.add(seq);
        }

        @Override
        public PaxosStatus<E> status(long seq) {
            if (seq < forgottenBelow) {
                return PaxosStatus.forgotten();
            }
            return learned.contains(seq) ? PaxosStatus.decided(decided.get(seq)) : PaxosStatus.pending();
        }

        @Override
        public void done(long seq) {
            done = Math.max(done, seq);
        }

        @Override
        public long max() {
            return connected ? decided.keySet().stream().mapToLong(Long::longValue).max().orElse(-1) : -1;
        }

        void seePeers(Set<Replica> all) {
            peers.addAll(all);
        }
    }
}
