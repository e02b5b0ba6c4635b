package dev.ds.paxos.core;

import static dev.ds.paxos.core.ScriptedGroup.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import dev.ds.paxos.api.Vote;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The proposer's steps, answer by answer, for one peer (1) of three. */
class ProposerTest {

    private final Proposer proposer = new Proposer(4, value("own"), 1, 1, 3);

    @Test
    void withoutAcceptedValuesItProposesItsOwn() {
        ProposalNumber n = proposer.beginRound(0);
        assertThat(n).isEqualTo(new ProposalNumber(0, 1, 1, 1));
        assertThat(proposer.onPromise(n, 1, promise(n, ProposalNumber.NONE, null))).isEqualTo(Proposer.Next.WAIT);
        assertThat(proposer.onPromise(n, 0, promise(n, ProposalNumber.NONE, null))).isEqualTo(Proposer.Next.ACCEPT);
        assertThat(proposer.proposal()).isEqualTo(value("own"));
        assertThat(proposer.onAccepted(n, 1, accepted())).isEqualTo(Proposer.Next.WAIT);
        assertThat(proposer.onAccepted(n, 2, accepted())).isEqualTo(Proposer.Next.LEARNED);
        assertThat(proposer.decided()).isEqualTo(value("own"));
        assertThat(proposer.informed().cardinality()).as("only itself knows yet").isEqualTo(1);
    }

    @Test
    void itProposesTheValueOfTheHighestNumberedAcceptedProposal() {
        ProposalNumber n = proposer.beginRound(0);
        proposer.onPromise(n, 0, promise(n, new ProposalNumber(0, 0, 2, 0), value("older")));
        proposer.onPromise(n, 2, promise(n, new ProposalNumber(0, 0, 0, 0), value("oldest")));
        assertThat(proposer.proposal()).isEqualTo(value("older"));
    }

    @Test
    void aRejectionSendsTheNextRoundAboveThePromise() {
        ProposalNumber n = proposer.beginRound(0);
        ProposalNumber higher = new ProposalNumber(0, 7, 2, 1);
        Optional<PrepareReply> rejected = Optional.of(PrepareReply.refuse(Vote.REJECTED, higher, null, -1, 0));
        assertThat(proposer.onPromise(n, 0, rejected)).isEqualTo(Proposer.Next.WAIT);
        assertThat(proposer.onPromise(n, 2, Optional.empty())).isEqualTo(Proposer.Next.RETRY);
        assertThat(proposer.beginRound(0)).isEqualTo(new ProposalNumber(0, 8, 1, 1));
        assertThat(proposer.rounds()).isEqualTo(2);
    }

    @Test
    void aDecidedAnswerEndsTheInstanceAndNamesWhoKnows() {
        ProposalNumber n = proposer.beginRound(0);
        Optional<PrepareReply> decided = Optional.of(PrepareReply.refuse(Vote.DECIDED, n, value("chosen"), -1, 0));
        assertThat(proposer.onPromise(n, 2, decided)).isEqualTo(Proposer.Next.LEARNED);
        assertThat(proposer.decided()).isEqualTo(value("chosen"));
        assertThat(proposer.informed().get(2)).isTrue();
        assertThat(proposer.informed().get(0)).isFalse();
    }

    @Test
    void aForgottenAnswerAbandons() {
        ProposalNumber n = proposer.beginRound(0);
        Optional<PrepareReply> forgotten = Optional.of(PrepareReply.refuse(Vote.FORGOTTEN, ProposalNumber.NONE, null, 9, 0));
        assertThat(proposer.onPromise(n, 0, forgotten)).isEqualTo(Proposer.Next.ABANDON);
    }

    @Test
    void answersToAnEarlierRoundOrPhaseAreIgnored() {
        ProposalNumber first = proposer.beginRound(0);
        ProposalNumber second = proposer.beginRound(0);
        assertThat(proposer.onPromise(first, 0, promise(first, ProposalNumber.NONE, null))).isEqualTo(Proposer.Next.WAIT);
        assertThat(proposer.onPromise(first, 2, promise(first, ProposalNumber.NONE, null))).isEqualTo(Proposer.Next.WAIT);
        assertThat(proposer.onAccepted(second, 0, accepted())).as("not in phase 2").isEqualTo(Proposer.Next.WAIT);
    }

    @Test
    void aNewEpochStartsItsRoundsAfresh() {
        proposer.beginRound(0);
        assertThat(proposer.beginRound(3)).isEqualTo(new ProposalNumber(3, 1, 1, 1));
    }

    private static Optional<PrepareReply> promise(ProposalNumber n, ProposalNumber accepted, Value value) {
        return Optional.of(PrepareReply.promise(n, accepted, value, -1, 0));
    }

    private static Optional<AcceptReply> accepted() {
        return Optional.of(new AcceptReply(Vote.GRANTED, ProposalNumber.NONE, null, -1, 0));
    }
}
