package dev.ds.paxos.core;

import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import dev.ds.paxos.api.Vote;
import dev.ds.paxos.storage.Durability;
import dev.ds.paxos.storage.InstanceRecord;
import dev.ds.paxos.storage.PaxosStorage;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The acceptor and learner of one peer, over all instances: their records in memory and in
 * storage. Guarded by the peer's lock.
 *
 * <p>The rules, each in one place ("Paxos Made Simple", section 2):
 * <ul>
 *   <li>{@link #prepare} — phase 1b: promise never to accept a number below {@code number}, if no
 *       higher number was promised, and report the highest-numbered proposal accepted;
 *   <li>{@link #accept} — phase 2b: accept a proposal unless a higher number was promised;
 *   <li>{@link #learn} — a decided value is recorded once and never changes.
 * </ul>
 * A promise or an acceptance is written to storage, synced, before the reply is returned. An
 * acceptor that already knows the decision answers with it instead of voting.
 *
 * <p>Invariants, checked on every write and kept on in production: the promised number never
 * decreases; the accepted number never decreases and never exceeds the promised one; one number
 * never carries two values; a decided value never changes.
 */
final class Acceptor {

    private final PaxosStorage storage;
    private final LostDiskRule rule;
    private final NavigableMap<Long, InstanceRecord> records;
    private long valueBytes;

    Acceptor(PaxosStorage storage, LostDiskRule rule, Map<Long, InstanceRecord> stored) {
        this.storage = storage;
        this.rule = rule;
        this.records = new TreeMap<>(stored);
        this.valueBytes = records.values().stream().mapToLong(InstanceRecord::valueBytes).sum();
    }

    /** Phase 1b. Granting an equal number again is harmless (the same proposer asked twice). */
    PrepareReply prepare(long seq, ProposalNumber number, long done, long epoch) {
        InstanceRecord record = record(seq);
        if (record.isDecided()) {
            return PrepareReply.refuse(Vote.DECIDED, record.promised(), record.decided(), done, epoch);
        }
        Vote refusal = rule.refusal(seq, number);
        if (refusal != null) {
            return PrepareReply.refuse(refusal, rule.floor(), null, done, epoch);
        }
        if (!number.isAtLeast(record.promised())) {
            return PrepareReply.refuse(Vote.REJECTED, record.promised(), null, done, epoch);
        }
        if (number.isAbove(record.promised())) {
            write(seq, record, record.withPromise(number), Durability.SYNC);
        }
        return PrepareReply.promise(number, record.acceptedNumber(), record.acceptedValue(), done, epoch);
    }

    /** Phase 2b. */
    AcceptReply accept(long seq, ProposalNumber number, Value value, long done, long epoch) {
        InstanceRecord record = record(seq);
        if (record.isDecided()) {
            return new AcceptReply(Vote.DECIDED, record.promised(), record.decided(), done, epoch);
        }
        Vote refusal = rule.refusal(seq, number);
        if (refusal != null) {
            return new AcceptReply(refusal, rule.floor(), null, done, epoch);
        }
        if (!number.isAtLeast(record.promised())) {
            return new AcceptReply(Vote.REJECTED, record.promised(), null, done, epoch);
        }
        boolean again = number.equals(record.acceptedNumber());
        if (again && !value.equals(record.acceptedValue())) {
            throw new IllegalStateException("instance " + seq + ": two values proposed under number " + number);
        }
        if (!again) {
            write(seq, record, record.withAccepted(number, value), Durability.SYNC);
        }
        return new AcceptReply(Vote.GRANTED, number, null, done, epoch);
    }

    /**
     * The learner: records that {@code seq} decided {@code value}; answers whether this is news.
     * Not synced: a decision lost in a crash is learned again from the acceptors' votes.
     *
     * @throws IllegalStateException if {@code seq} was decided with another value: agreement broke
     */
    boolean learn(long seq, Value value) {
        InstanceRecord record = record(seq);
        if (record.isDecided()) {
            if (!record.decided().equals(value)) {
                throw new IllegalStateException("agreement violated in instance " + seq + ": decided "
                        + record.decided() + ", now told " + value);
            }
            return false;
        }
        write(seq, record, record.withDecided(value), Durability.LAZY);
        return true;
    }

    InstanceRecord record(long seq) {
        return records.getOrDefault(seq, InstanceRecord.EMPTY);
    }

    /** Drops the instances below {@code min} from memory; storage is the caller's, in the same step. */
    int dropBelow(long min) {
        Map<Long, InstanceRecord> below = records.headMap(min, false);
        int count = below.size();
        valueBytes -= below.values().stream().mapToLong(InstanceRecord::valueBytes).sum();
        below.clear();
        return count;
    }

    int size() {
        return records.size();
    }

    /** Bytes of values held in memory: what forgetting frees. */
    long valueBytes() {
        return valueBytes;
    }

    long lastSeq() {
        return records.isEmpty() ? -1 : records.lastKey();
    }

    /** Whether a number {@code peer} proposed is among this acceptor's promises or acceptances. */
    boolean holdsNumberOf(int peer) {
        return records.values().stream()
                .anyMatch(r -> r.promised().peer() == peer || r.acceptedNumber().peer() == peer);
    }

    /** The newest epoch among the numbers this acceptor promised: part of what it knows. */
    long highestEpoch() {
        return records.values().stream().mapToLong(r -> r.promised().epoch()).max().orElse(0);
    }

    private void write(long seq, InstanceRecord before, InstanceRecord after, Durability durability) {
        checkInvariants(seq, before, after);
        storage.put(seq, after, durability);
        records.put(seq, after);
        valueBytes += after.valueBytes() - before.valueBytes();
    }

    private static void checkInvariants(long seq, InstanceRecord before, InstanceRecord after) {
        if (before.promised().isAbove(after.promised())) {
            throw new IllegalStateException("instance " + seq + ": promise would decrease from "
                    + before.promised() + " to " + after.promised());
        }
        if (before.acceptedNumber().isAbove(after.acceptedNumber())) {
            throw new IllegalStateException("instance " + seq + ": accepted number would decrease from "
                    + before.acceptedNumber() + " to " + after.acceptedNumber());
        }
        if (before.isDecided() && !before.decided().equals(after.decided())) {
            throw new IllegalStateException("instance " + seq + ": decided value would change");
        }
    }
}
