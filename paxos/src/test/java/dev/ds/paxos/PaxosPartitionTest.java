package dev.ds.paxos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.cluster.Await;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The 6.824 partition test (TestPartition), every sub-scenario, in order on one group of five, as
 * in the lab: each picks up the instance number where the previous one left it.
 */
@DisplayName("TestPartition")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaxosPartitionTest {

    private static final int NPAXOS = 5;

    private PaxosCluster px;
    private int seq;

    @BeforeAll
    void startAll() {
        px = new PaxosCluster("TestPartition", NPAXOS).startAll();
    }

    @AfterAll
    void stop() {
        px.close();
    }

    @Test
    @Order(1)
    @DisplayName("Test: No decision if partitioned ...")
    void noDecisionIfPartitioned() {
        part(List.of(0, 2), List.of(1, 3), List.of(4));
        long before = px.rounds(1);
        px.px(1).start(seq, 111);
        // Instead of the lab's sleep: let the proposer fail several whole rounds, then look.
        Await.until("peer 1 to try three rounds", PaxosCluster.WAIT, () -> px.rounds(1) >= before + 3);
        assertThat(px.ndecided(seq)).as("decided without a majority").isZero();
    }

    @Test
    @Order(2)
    @DisplayName("Test: Decision in majority partition ...")
    void decisionInMajorityPartition() {
        part(List.of(0), List.of(1, 2, 3), List.of(4));
        px.waitmajority(seq);
    }

    @Test
    @Order(3)
    @DisplayName("Test: All agree after full heal ...")
    void allAgreeAfterFullHeal() {
        px.px(0).start(seq, 1000);
        px.px(4).start(seq, 1004);
        part(List.of(0, 1, 2, 3, 4), List.of(), List.of());
        px.waitn(seq, NPAXOS);
    }

    @Test
    @Order(4)
    @DisplayName("Test: One peer switches partitions ...")
    void onePeerSwitchesPartitions() {
        for (int iters = 0; iters < 20; iters++) {
            seq++;
            part(List.of(0, 1, 2), List.of(3, 4), List.of());
            px.px(0).start(seq, seq * 10);
            px.px(3).start(seq, (seq * 10) + 1);
            px.waitmajority(seq);
            assertThat(px.ndecided(seq)).as("too many decided").isLessThanOrEqualTo(3);

            part(List.of(0, 1), List.of(2, 3, 4), List.of());
            px.waitn(seq, NPAXOS);
        }
    }

    @Test
    @Order(5)
    @DisplayName("Test: One peer switches partitions, unreliable ...")
    void onePeerSwitchesPartitionsUnreliable() {
        for (int iters = 0; iters < 20; iters++) {
            seq++;
            px.cluster().setUnreliable(true);
            part(List.of(0, 1, 2), List.of(3, 4), List.of());
            for (int i = 0; i < NPAXOS; i++) {
                px.px(i).start(seq, (seq * 10) + i);
            }
            px.waitn(seq, 3);
            assertThat(px.ndecided(seq)).as("too many decided").isLessThanOrEqualTo(3);

            part(List.of(0, 1), List.of(2, 3, 4), List.of());
            px.cluster().setUnreliable(false);
            px.waitn(seq, NPAXOS);
        }
    }

    private void part(List<Integer> a, List<Integer> b, List<Integer> c) {
        px.cluster().partition(a, b, c);
    }
}
