package dev.ds.paxos.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.RejoinReply;
import dev.ds.paxos.api.Vote;
import dev.ds.paxos.storage.PeerMeta;
import dev.ds.paxos.storage.Standing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lost-disk rule's two steps, counted answer by answer, for peer 0 of a group of five. */
class LostDiskRuleTest {

    private static final PeerMeta LOST = PeerMeta.EMPTY.restarted();

    private static RejoinReply voting(long epoch, long max) {
        return new RejoinReply(true, epoch, max, 0, -1, false);
    }

    @Test
    @DisplayName("Step 1 needs voting peers that by themselves form a majority; others do not count")
    void askNeedsAMajorityOfVotingPeers() {
        LostDiskRule rule = LostDiskRule.of(LOST, 0, 5);
        assertThat(rule.report(1, -1, new RejoinReply(false, 9, 99, 0, -1, false), LOST, 0)).isNull();
        assertThat(rule.report(1, -1, voting(0, 4), LOST, 0)).isNull();
        assertThat(rule.report(2, -1, voting(2, 7), LOST, 0)).isNull();
        assertThat(rule.heard()).isEqualTo(2);
        assertThat(rule.needed()).isEqualTo(3);

        PeerMeta concluded = rule.report(3, -1, voting(1, 5), LOST, 0);
        assertThat(concluded.standing()).isEqualTo(Standing.CONCLUDED);
        assertThat(concluded.floorEpoch()).as("one above every epoch reported").isEqualTo(3);
        assertThat(concluded.abstainThrough()).as("the highest instance reported").isEqualTo(7);
        assertThat(concluded.storedEpoch()).isEqualTo(3);
        assertThat(rule.epochToKeep()).isEqualTo(3);
    }

    @Test
    @DisplayName("The new epoch is above what this peer was asked to keep for others, too")
    void theEpochIsAboveWhatThisPeerKeeps() {
        PeerMeta keeping = LOST.withStoredEpoch(6);
        LostDiskRule rule = LostDiskRule.of(keeping, 0, 3);
        rule.report(1, -1, voting(1, 0), keeping, 0);
        assertThat(rule.report(2, -1, voting(1, 0), keeping, 0).floorEpoch()).isEqualTo(7);
    }

    @Test
    @DisplayName("Step 2 counts only peers that answered a question carrying the new epoch")
    void keepCountsOnlyAnswersThatStoredTheEpoch() {
        LostDiskRule rule = LostDiskRule.of(LOST, 0, 5);
        PeerMeta meta = LOST;
        for (int peer = 1; peer <= 3; peer++) {
            PeerMeta next = rule.report(peer, -1, voting(0, -1), meta, 0);
            meta = next == null ? meta : next;
        }
        assertThat(rule.standing()).isEqualTo(Standing.CONCLUDED);
        assertThat(rule.refusal(10, new ProposalNumber(5, 1, 1, 1))).as("abstains until it votes")
                .isEqualTo(Vote.ABSTAINED);
        assertThat(rule.floor()).as("its epoch must not travel yet").isEqualTo(ProposalNumber.NONE);

        assertThat(rule.report(4, -1, voting(0, -1), meta, 0)).as("an answer to step 1's question").isNull();
        assertThat(rule.report(4, 1, new RejoinReply(false, 1, -1, 0, -1, false), meta, 0))
                .as("a peer that does not vote").isNull();
        assertThat(rule.report(4, 1, voting(1, -1), meta, 0)).isNull();
        PeerMeta voting = rule.report(2, 1, voting(1, -1), meta, 0);
        assertThat(voting.standing()).as("two others and itself: a majority keeps epoch 1").isEqualTo(Standing.VOTING);
        assertThat(rule.refusal(10, new ProposalNumber(0, 9, 1, 1))).isEqualTo(Vote.REJECTED);
        assertThat(rule.refusal(10, new ProposalNumber(1, 1, 1, 1))).isNull();
        assertThat(rule.floor()).isEqualTo(ProposalNumber.floor(1));
    }

    @Test
    @DisplayName("A group of one has nobody to ask and concludes at once")
    void aGroupOfOneConcludesAlone() {
        LostDiskRule rule = LostDiskRule.of(LOST, 0, 1);
        PeerMeta meta = rule.alone(LOST, 2, 9);
        assertThat(meta.standing()).isEqualTo(Standing.VOTING);
        assertThat(meta.floorEpoch()).isEqualTo(3);
        assertThat(rule.refusal(9, new ProposalNumber(3, 1, 0, 1))).isEqualTo(Vote.ABSTAINED);
        assertThat(rule.refusal(10, new ProposalNumber(3, 1, 0, 1))).isNull();
    }
}
