package dev.ds.paxos.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.api.RejoinReply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The guard of a new member (peer 1 of three): who it asks, and what the answers mean. */
class NewMemberTest {

    private static RejoinReply answer(boolean knowsYou) {
        return new RejoinReply(true, 0, 12, 0, 11, knowsYou);
    }

    @Test
    @DisplayName("A peer that has seen this member before means its disk was lost")
    void aPeerThatKnowsItMeansALostDisk() {
        NewMember member = new NewMember(1, 3, true);
        assertThat(member.shouldAsk(0)).isTrue();
        assertThat(member.shouldAsk(1)).as("not itself").isFalse();
        assertThat(member.answer(0, answer(true))).isEqualTo(NewMember.Verdict.LOST_DISK);
        assertThat(member.asking()).isFalse();
    }

    @Test
    @DisplayName("Once every peer said no, or once it took part, it is a member like the others")
    void itStopsAskingWhenEveryPeerAnsweredOrItTookPart() {
        NewMember member = new NewMember(1, 3, true);
        assertThat(member.answer(0, answer(false))).isEqualTo(NewMember.Verdict.NEW);
        assertThat(member.shouldAsk(0)).as("answered").isFalse();
        assertThat(member.asking()).isTrue();
        assertThat(member.answer(2, answer(false))).isEqualTo(NewMember.Verdict.NEW);
        assertThat(member.asking()).isFalse();

        NewMember busy = new NewMember(1, 3, true);
        busy.tookPart();
        assertThat(busy.answer(0, answer(true))).as("too late: it has joined").isEqualTo(NewMember.Verdict.NEW);
    }

    @Test
    @DisplayName("A node that started on a data dir with state, or started existing, never asks")
    void onlyAnEmptyNewStartAsks() {
        assertThat(new NewMember(1, 3, false).shouldAsk(0)).isFalse();
        assertThat(new NewMember(0, 1, true).asking()).as("a group of one").isFalse();
    }
}
