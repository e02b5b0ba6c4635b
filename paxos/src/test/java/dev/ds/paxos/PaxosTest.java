package dev.ds.paxos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.core.Fate;
import dev.ds.testkit.cluster.Await;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The 6.824 Paxos tests (lab 3A) that exercise one group at a time: basic, deaf, forget, done/max
 * and RPC counts, ported with their names on the in-memory network. Where the lab sleeps to let
 * stray messages settle, these wait until every peer is idle (no proposer running, no call
 * outstanding), which is when nothing more can happen.
 */
class PaxosTest {

    private static final Logger LOG = LoggerFactory.getLogger(PaxosTest.class);

    @Nested
    @DisplayName("TestBasic")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Basic {

        private final PaxosCluster px = new PaxosCluster("TestBasic", 3);

        @BeforeAll
        void startAll() {
            px.startAll();
        }

        @AfterAll
        void stop() {
            px.close();
        }

        @Test
        @Order(1)
        @DisplayName("Test: Single proposer ...")
        void singleProposer() {
            px.px(0).start(0, "hello");
            px.waitn(0, 3);
        }

        @Test
        @Order(2)
        @DisplayName("Test: Many proposers, same value ...")
        void manyProposersSameValue() {
            for (int i = 0; i < 3; i++) {
                px.px(i).start(1, 77);
            }
            px.waitn(1, 3);
        }

        @Test
        @Order(3)
        @DisplayName("Test: Many proposers, different values ...")
        void manyProposersDifferentValues() {
            px.px(0).start(2, 100);
            px.px(1).start(2, 101);
            px.px(2).start(2, 102);
            px.waitn(2, 3);
        }

        @Test
        @Order(4)
        @DisplayName("Test: Out-of-order instances ...")
        void outOfOrderInstances() {
            px.px(0).start(7, 700);
            px.px(0).start(6, 600);
            px.px(1).start(5, 500);
            px.waitn(7, 3);
            px.px(0).start(4, 400);
            px.px(1).start(3, 300);
            for (int seq = 6; seq >= 3; seq--) {
                px.waitn(seq, 3);
            }
            assertThat(px.px(0).max()).as("wrong Max()").isEqualTo(7);
        }
    }

    @Test
    @DisplayName("Test: Deaf proposer ...")
    void deafProposer() {
        try (PaxosCluster px = new PaxosCluster("TestDeaf", 5).startAll()) {
            px.px(0).start(0, "hello");
            px.waitn(0, 5);

            deafen(px, 0);
            deafen(px, 4);
            px.px(1).start(1, "goodbye");
            px.waitmajority(1);
            px.awaitIdle();
            assertThat(px.ndecided(1)).as("a deaf peer heard about a decision").isEqualTo(3);

            px.px(0).start(1, "xxx");
            px.waitn(1, 4);
            px.awaitIdle();
            assertThat(px.ndecided(1)).as("a deaf peer heard about a decision").isEqualTo(4);

            px.px(4).start(1, "yyy");
            px.waitn(1, 5);
        }
    }

    /** The lab removes the peer's socket: it can still call out, but nothing reaches it. */
    private static void deafen(PaxosCluster px, int index) {
        String address = px.cluster().address(index);
        px.cluster().network().setFaults(address, px.cluster().network().faults(address).withDeaf(true));
    }

    @Test
    @DisplayName("Test: Forgetting ...")
    void forgetting() {
        try (PaxosCluster px = new PaxosCluster("TestForget", 6).startAll()) {
            for (int i = 0; i < 6; i++) {
                assertThat(px.px(i).min()).as("wrong initial Min()").isZero();
            }
            px.px(0).start(0, "00");
            px.px(1).start(1, "11");
            px.px(2).start(2, "22");
            px.px(0).start(6, "66");
            px.px(1).start(7, "77");

            px.waitn(0, 6);
            for (int i = 0; i < 6; i++) {
                assertThat(px.px(i).min()).as("wrong Min(); expected 0").isZero();
            }
            px.waitn(1, 6);
            for (int i = 0; i < 6; i++) {
                assertThat(px.px(i).min()).as("wrong Min(); expected 0").isZero();
            }

            for (int i = 0; i < 6; i++) {
                px.px(i).done(0);
            }
            for (int i = 1; i < 6; i++) {
                px.px(i).done(1);
            }
            for (int i = 0; i < 6; i++) {
                px.px(i).start(8 + i, "xx");
            }
            Await.until("Min() to advance to 1 after Done()", PaxosCluster.WAIT,
                    () -> IntStream.range(0, 6).allMatch(i -> px.px(i).min() == 1));
        }
    }

    @Test
    @DisplayName("Test: Paxos Max() after Done()s ...")
    void maxAfterDone() {
        try (PaxosCluster px = new PaxosCluster("TestDoneMax", 3).startAll()) {
            px.px(0).start(0, "x");
            px.waitn(0, 3);
            for (int seq = 1; seq <= 10; seq++) {
                px.px(0).start(seq, "y");
                px.waitn(seq, 3);
            }
            for (int i = 0; i < 3; i++) {
                px.px(i).done(10);
            }
            // Starting a decided instance announces it again, which carries the done values.
            for (int i = 0; i < 3; i++) {
                px.px(i).start(10, "z");
            }
            Await.until("every peer to forget instances up to 10", PaxosCluster.WAIT,
                    () -> IntStream.range(0, 3).allMatch(i -> px.px(i).min() == 11));
            for (int i = 0; i < 3; i++) {
                assertThat(px.px(i).max()).as("Max() did not return correct result after calling Done()").isEqualTo(10);
                assertThat(px.px(i).status(10).fate()).isEqualTo(Fate.FORGOTTEN);
            }
        }
    }

    @Test
    @DisplayName("Test: RPC counts aren't too high ...")
    void rpcCounts() {
        try (PaxosCluster px = new PaxosCluster("TestRPCCount", 3).startAll()) {
            int seq = 0;
            for (int i = 0; i < 5; i++, seq++) {
                px.px(0).start(seq, "x");
                px.waitn(seq, 3);
            }
            px.awaitIdle();
            long total1 = px.totalRpcs();
            assertThat(total1).as("too many RPCs for serial Start()s; 5 instances, got %d, expected at most 45", total1)
                    .isLessThanOrEqualTo(5 * 3 * 3);

            for (int i = 0; i < 5; i++, seq++) {
                for (int j = 0; j < 3; j++) {
                    px.px(j).start(seq, j + (i * 10));
                }
                px.waitn(seq, 3);
            }
            px.awaitIdle();
            long total2 = px.totalRpcs() - total1;
            LOG.info("RPCs for 5 instances of 3 peers: {} serial (limit 45), {} contended (limit 225)", total1, total2);
            assertThat(total2).as("too many RPCs for concurrent Start()s; 5 instances, got %d, expected at most 225", total2)
                    .isLessThanOrEqualTo(5 * 3 * 15);
        }
    }
}
