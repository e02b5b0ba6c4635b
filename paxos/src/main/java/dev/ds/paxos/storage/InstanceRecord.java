package dev.ds.paxos.storage;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import java.util.Objects;

/**
 * What one peer holds for one instance: its acceptor state and, once learned, the decision.
 *
 * <p>Once an instance is decided the acceptor answers every prepare and accept with the decision
 * instead of voting, so the accepted value is no longer needed and is dropped: the decision is
 * then the only copy held in memory.
 *
 * @param promised the highest number this acceptor promised (phase 1b), or {@code NONE}
 * @param acceptedNumber the highest-numbered proposal it accepted (phase 2b), or {@code NONE}
 * @param acceptedValue that proposal's value, or null (also once decided)
 * @param decided the decided value, or null while the instance is pending here
 */
public record InstanceRecord(ProposalNumber promised, ProposalNumber acceptedNumber, Value acceptedValue,
        Value decided) {

    public static final InstanceRecord EMPTY = new InstanceRecord(ProposalNumber.NONE, ProposalNumber.NONE, null, null);

    public InstanceRecord {
        Objects.requireNonNull(promised, "promised");
        Objects.requireNonNull(acceptedNumber, "acceptedNumber");
        if (acceptedNumber.isAbove(promised)) {
            throw new IllegalStateException("accepted " + acceptedNumber + " above promised " + promised);
        }
    }

    public InstanceRecord withPromise(ProposalNumber number) {
        return new InstanceRecord(number, acceptedNumber, acceptedValue, decided);
    }

    /** Accepting {@code number} also promises it: the acceptor will take nothing lower afterwards. */
    public InstanceRecord withAccepted(ProposalNumber number, Value value) {
        return new InstanceRecord(number, number, value, decided);
    }

    public InstanceRecord withDecided(Value value) {
        return new InstanceRecord(promised, acceptedNumber, null, value);
    }

    public boolean isDecided() {
        return decided != null;
    }

    /** Bytes of values held, for accounting what forgetting frees. */
    public long valueBytes() {
        return (acceptedValue == null ? 0 : acceptedValue.size()) + (decided == null ? 0 : decided.size());
    }
}
