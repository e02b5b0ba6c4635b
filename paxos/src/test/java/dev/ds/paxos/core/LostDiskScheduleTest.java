package dev.ds.paxos.core;

import static dev.ds.paxos.core.ScriptedGroup.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.api.Value;
import dev.ds.paxos.storage.Standing;
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
        group.start(W, Bootstrap.EXISTING);
        group.deliver(W, B, Message.REJOIN);
        assertThat(group.peer(W).peerStatus().standing()).as("one of two others is not a majority")
                .isEqualTo(Standing.EMPTY);
        group.deliver(W, C, Message.REJOIN);
        assertThat(group.peer(W).peerStatus().standing()).isEqualTo(Standing.CONCLUDED);
        group.fireTimers(W);
        group.deliver(W, B, Message.REJOIN);
        assertThat(group.peer(W).peerStatus().rejoining()).as("W votes once B keeps its epoch too").isFalse();

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

    @Test
    @DisplayName("Five peers: the proposer holding the lost promise is outside the reporting majority; the new epoch still keeps one value")
    void aMajorityOfReportsIsEnoughInAGroupOfFive() {
        ScriptedGroup group = fiveWithAStalePromise();
        group.start(0, Bootstrap.EXISTING);
        for (int peer = 1; peer <= 3; peer++) {
            group.deliver(0, peer, Message.REJOIN);
        }
        assertThat(group.peer(0).peerStatus().standing()).as("three of four others report: concluded")
                .isEqualTo(Standing.CONCLUDED);
        group.fireTimers(0);
        group.deliver(0, 1, Message.REJOIN);
        group.deliver(0, 2, Message.REJOIN);
        assertThat(group.peer(0).peerStatus().standing()).as("two others keep its epoch: with it, a majority")
                .isEqualTo(Standing.VOTING);

        // Peer 1's first number is of epoch 0: peer 0 refuses it and names epoch 1; its next round
        // gets "b" chosen by {0, 1, 2}.
        group.peer(1).start(0, value("b"));
        group.runLocal(1);
        group.deliver(1, 0, Message.PREPARE);
        for (int peer = 2; peer <= 4; peer++) {
            group.drop(1, peer, Message.PREPARE);
        }
        group.fireTimers(1);
        bChosenByZeroOneTwo(group);

        // Peer 4 completes the round that peer 0 promised in its old life: peer 0 refuses its accept.
        pCompletesItsStaleRound(group);
        assertThat(group.peer(4).status(0)).as("p is accepted by 3 and 4 only").isEqualTo(Status.PENDING);
    }

    @Test
    @DisplayName("Five peers: the same schedule with a peer that lost its disk and votes at once chooses two values")
    void fiveWithoutTheRuleAgreementBreaks() {
        ScriptedGroup group = fiveWithAStalePromise();
        group.start(0, Bootstrap.NEW);

        group.peer(1).start(0, value("b"));
        bChosenByZeroOneTwo(group);
        pCompletesItsStaleRound(group);
        assertThat(group.peer(4).status(0)).as("p chosen by {0, 3, 4} after b by {0, 1, 2}")
                .isEqualTo(Status.decided(value("p")));
    }

    /** Peer 4 proposes "p"; only peer 0 promises before it crashes and loses its disk. */
    private static ScriptedGroup fiveWithAStalePromise() {
        ScriptedGroup group = new ScriptedGroup(5);
        group.peer(4).start(0, value("p"));
        group.deliver(4, 0, Message.PREPARE);
        group.crashAndWipe(0);
        return group;
    }

    /** Peer 1's current round: promises and acceptances from itself, 0 and 2. */
    private static void bChosenByZeroOneTwo(ScriptedGroup group) {
        group.runLocal(1);
        group.deliver(1, 0, Message.PREPARE);
        group.deliver(1, 2, Message.PREPARE);
        group.runLocal(1);
        group.deliver(1, 0, Message.ACCEPT);
        group.deliver(1, 2, Message.ACCEPT);
        assertThat(group.peer(1).status(0)).isEqualTo(Status.decided(value("b")));
    }

    /** Peer 4's own promise and peer 3's, with peer 0's old one, are a majority: it asks 3 and 0 to accept "p". */
    private static void pCompletesItsStaleRound(ScriptedGroup group) {
        group.runLocal(4);
        group.deliver(4, 3, Message.PREPARE);
        group.runLocal(4);
        group.deliver(4, 3, Message.ACCEPT);
        group.deliver(4, 0, Message.ACCEPT);
    }

    @Test
    @DisplayName("A node restarted as new after losing its disk is recognized by a peer that saw it, and follows the rule")
    void aLostDiskStartedAsNewIsCaughtByAPeerThatKnowsIt() {
        ScriptedGroup group = new ScriptedGroup(3);
        group.peer(W).start(0, value("w"));
        group.runLocal(W);
        group.deliver(W, B, Message.PREPARE);
        group.crashAndWipe(W);
        group.start(W, Bootstrap.NEW);
        assertThat(group.peer(W).peerStatus().standing()).as("new: votes at once").isEqualTo(Standing.VOTING);

        group.deliver(W, C, Message.REJOIN);
        assertThat(group.peer(W).peerStatus().fresh()).as("C never heard of W: no verdict yet").isTrue();
        group.deliver(W, B, Message.REJOIN);
        assertThat(group.peer(W).peerStatus().standing()).as("B holds W's proposal number: W's disk was lost")
                .isEqualTo(Standing.EMPTY);
    }

    @Test
    @DisplayName("A member that never ran, asking peers that never heard of it, stays a voting new member")
    void aTrulyNewMemberKeepsVoting() {
        ScriptedGroup group = new ScriptedGroup(3);
        group.deliver(C, W, Message.REJOIN);
        group.deliver(C, B, Message.REJOIN);
        assertThat(group.peer(C).peerStatus().standing()).isEqualTo(Standing.VOTING);
        assertThat(group.peer(C).peerStatus().fresh()).as("every peer answered: it is a member like the others")
                .isFalse();
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
