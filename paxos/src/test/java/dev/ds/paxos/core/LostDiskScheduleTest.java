package dev.ds.paxos.core;

import static dev.ds.paxos.core.ScriptedGroup.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.api.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The schedule the lost-disk rule exists for, step by step, on three peers: W (0) promises to C's
 * proposer (2), loses its disk and comes back; B (1) then gets "b" chosen with W's help under a
 * lower number; C's proposer, still holding W's old promise, completes its round. Without the
 * rule, W accepts C's higher number and "c" is chosen too. With it, W votes only in its new epoch,
 * C's stale round fails, and C learns "b".
 */
class LostDiskScheduleTest {

    private static final int W = 0;
    private static final int B = 1;
    private static final int C = 2;

    @Test
    @DisplayName("A peer that lost its disk and votes at once lets two values be chosen")
    void withoutTheRuleAgreementBreaks() {
        ScriptedGroup group = staleProposal();
        group.start(W, Bootstrap.NEW);

        bProposes(group);
        group.deliver(B, W, Message.PREPARE);
        group.runLocal(B);
        group.deliver(B, W, Message.ACCEPT);
        assertThat(group.peer(B).status(0)).isEqualTo(Status.decided(value("b")));

        cCompletesItsStaleRound(group);
        assertThat(group.peer(C).status(0)).as("C decides its own value, against B's")
                .isEqualTo(Status.decided(value("c")));
    }

    @Test
    @DisplayName("Under the lost-disk rule the same schedule keeps one value")
    void withTheRuleAgreementHolds() {
        ScriptedGroup group = staleProposal();
        group.start(W, Bootstrap.REJOIN);
        group.deliver(W, B, Message.REJOIN);
        group.deliver(W, C, Message.REJOIN);
        assertThat(group.peer(W).peerStatus().rejoining()).as("W votes once everyone answered").isFalse();

        bProposes(group);
        group.deliver(B, W, Message.PREPARE);
        group.drop(B, C, Message.PREPARE);
        group.fireTimers(B);
        assertThat(group.peer(B).peerStatus().proposing()).isEqualTo(1);
        group.runLocal(B);
        group.deliver(B, W, Message.PREPARE);
        group.runLocal(B);
        group.deliver(B, W, Message.ACCEPT);
        Value b = value("b");
        assertThat(group.peer(B).status(0)).isEqualTo(Status.decided(b));

        cCompletesItsStaleRound(group);
        group.deliver(C, B, Message.ACCEPT);
        assertThat(group.peer(C).status(0)).as("C learns B's value").isEqualTo(Status.decided(b));
    }

    /** C's proposer gets W's promise for C's first number; W then crashes and loses its disk. */
    private static ScriptedGroup staleProposal() {
        ScriptedGroup group = new ScriptedGroup(3);
        group.peer(C).start(0, value("c"));
        group.deliver(C, W, Message.PREPARE);
        group.crashAndWipe(W);
        return group;
    }

    /** B proposes with its first number, below C's, and promises itself. */
    private static void bProposes(ScriptedGroup group) {
        group.peer(B).start(0, value("b"));
        group.runLocal(B);
    }

    /** C's own acceptor finally promises, which with W's old promise is a majority; C accepts "c" itself and asks W. */
    private static void cCompletesItsStaleRound(ScriptedGroup group) {
        group.runLocal(C);
        group.deliver(C, W, Message.ACCEPT);
    }
}
