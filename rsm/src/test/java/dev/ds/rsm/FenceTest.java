package dev.ds.rsm;

import dev.ds.paxos.PaxosStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rule 3 with a read fence: a replica whose own log has heard of nothing learns the instances a
 * fence found elsewhere, by proposing no-ops into them, and only then.
 */
class FenceTest {

    /**
     * A log in which instance 0 was decided elsewhere ("x") and this replica has heard of nothing:
     * it learns the decision only by proposing there, as a Paxos proposer would.
     */
    static final class DeafLog implements Log<Cmd> {
        final Map<Long, Cmd> known = new HashMap<>();
        int proposals;

        @Override
        public void start(long seq, Cmd entry) {
            proposals++;
            known.put(seq, seq == 0 ? new Cmd("elsewhere", null, null, "x") : entry);
        }

        @Override
        public PaxosStatus<Cmd> status(long seq) {
            return known.containsKey(seq) ? PaxosStatus.decided(known.get(seq)) : PaxosStatus.pending();
        }

        @Override
        public void done(long seq) {
        }

        @Override
        public long max() {
            return known.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    private static void idleTicks(ReplicatedStateMachine<Cmd, String> rsm) {
        for (int i = 0; i <= ReplicatedStateMachine.HOLE_PATIENCE * 2; i++) {
            rsm.tick();
        }
    }

    @Test
    void aReplicaLearnsUpToTheFenceAndProposesNothingWithoutOne() {
        DeafLog log = new DeafLog();
        StringBuilder state = new StringBuilder();
        ReplicatedStateMachine<Cmd, String> rsm = new ReplicatedStateMachine<>(log,
                cmd -> state.append(cmd.text()).toString(), Cmd::noop, "r", 10);
        idleTicks(rsm);
        assertThat(log.proposals).as("idle, with no fence: nothing proposed").isZero();
        assertThat(rsm.inFlight()).isFalse();

        rsm.learnUpTo(0);
        assertThat(rsm.inFlight()).as("an instance to learn is work in flight").isTrue();
        idleTicks(rsm);
        assertThat(state).hasToString("x");
        assertThat(rsm.status().applied()).isZero();
        assertThat(log.proposals).as("one no-op, into the hole").isEqualTo(1);
        assertThat(rsm.inFlight()).isFalse();
    }
}
