package dev.ds.paxos.core;

import static dev.ds.paxos.core.ScriptedGroup.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.paxos.api.AcceptArgs;
import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.DecidedArgs;
import dev.ds.paxos.api.PrepareArgs;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Vote;
import dev.ds.paxos.storage.InMemoryStorage;
import dev.ds.paxos.storage.InstanceRecord;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The acceptor's rules through a peer's handlers: promise, accept, answer with the decision, and
 * the durability of each vote before its reply.
 */
class AcceptorRulesTest {

    private static final ProposalNumber N1 = new ProposalNumber(0, 1, 1, 0);
    private static final ProposalNumber N2 = new ProposalNumber(0, 2, 2, 0);

    private final InMemoryStorage storage = new InMemoryStorage();
    private final PaxosPeer acceptor = PaxosPeer.open(PaxosConfig.of(0, 3, Bootstrap.NEW), storage, new SilentPeers(),
            new Scheduler() {
                @Override
                public void execute(Runnable task) {
                }

                @Override
                public void schedule(Duration delay, Runnable task) {
                }
            }, new Random(0), PaxosListener.NONE);

    @Test
    void promisesAHigherNumberAndReportsWhatItAccepted() {
        assertThat(prepare(N1).vote()).isEqualTo(Vote.GRANTED);
        assertThat(accept(N1, "a").vote()).isEqualTo(Vote.GRANTED);

        PrepareReply promise = prepare(N2);
        assertThat(promise.vote()).isEqualTo(Vote.GRANTED);
        assertThat(promise.acceptedNumber()).isEqualTo(N1);
        assertThat(promise.acceptedValue()).isEqualTo(value("a"));
    }

    @Test
    void rejectsALowerNumberAndNamesItsPromise() {
        prepare(N2);
        PrepareReply rejected = prepare(N1);
        assertThat(rejected.vote()).isEqualTo(Vote.REJECTED);
        assertThat(rejected.promised()).isEqualTo(N2);
        AcceptReply notAccepted = accept(N1, "late");
        assertThat(notAccepted.vote()).isEqualTo(Vote.REJECTED);
        assertThat(notAccepted.promised()).isEqualTo(N2);
    }

    @Test
    void acceptsWithoutAPrepareIfNothingHigherWasPromised() {
        assertThat(accept(N2, "x").vote()).isEqualTo(Vote.GRANTED);
        assertThat(prepare(N1).vote()).as("accepting promised the number too").isEqualTo(Vote.REJECTED);
    }

    @Test
    void aVoteIsOnDiskBeforeItsReplyLeaves() {
        prepare(N1);
        accept(N2, "kept");
        storage.crash();
        InstanceRecord record = storage.load().instances().get(5L);
        assertThat(record.promised()).isEqualTo(N2);
        assertThat(record.acceptedValue()).isEqualTo(value("kept"));
    }

    @Test
    void answersWithTheDecisionOnceItKnowsIt() {
        acceptor.decided(new DecidedArgs(5, value("d"), 1, -1));
        PrepareReply reply = prepare(new ProposalNumber(3, 9, 2, 0));
        assertThat(reply.vote()).isEqualTo(Vote.DECIDED);
        assertThat(reply.decided()).isEqualTo(value("d"));
        assertThat(accept(N2, "other").decided()).isEqualTo(value("d"));
    }

    @Test
    void aDecisionNeverChanges() {
        acceptor.decided(new DecidedArgs(5, value("d"), 1, -1));
        assertThatThrownBy(() -> acceptor.decided(new DecidedArgs(5, value("e"), 2, -1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("agreement violated in instance 5");
    }

    @Test
    void oneNumberNeverCarriesTwoValues() {
        accept(N1, "a");
        assertThatThrownBy(() -> accept(N1, "b")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two values proposed under number " + N1);
    }

    @Test
    void answersForgottenBelowTheMinimum() {
        acceptor.done(7);
        for (int peer = 1; peer < 3; peer++) {
            acceptor.decided(new DecidedArgs(9, value("z"), peer, 7));
        }
        assertThat(acceptor.min()).isEqualTo(8);
        assertThat(prepare(N1).vote()).isEqualTo(Vote.FORGOTTEN);
        assertThat(acceptor.status(5)).isEqualTo(Status.FORGOTTEN);
    }

    @Test
    void refusesAPeerIndexOutsideTheGroup() {
        assertThatThrownBy(() -> acceptor.prepare(new PrepareArgs(5, N1, 3, -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from: must be a peer index in 0..2");
    }

    private PrepareReply prepare(ProposalNumber number) {
        return acceptor.prepare(new PrepareArgs(5, number, number.peer(), -1));
    }

    private AcceptReply accept(ProposalNumber number, String value) {
        return acceptor.accept(new AcceptArgs(5, number, value(value), number.peer(), -1));
    }
}
