package dev.ds.paxos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.core.Fate;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.testkit.cluster.Await;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 6.824 forgetting tests: many random {@code Done()}s on an unreliable network, and memory
 * that is really freed once every peer is done.
 */
class PaxosForgetTest {

    private static final Logger LOG = LoggerFactory.getLogger(PaxosForgetTest.class);

    private static final int MB = 1_000_000;

    @Test
    @DisplayName("Test: Lots of forgetting ...")
    void lotsOfForgetting() throws InterruptedException {
        int maxseq = 20;
        try (PaxosCluster px = new PaxosCluster("TestManyForget", 3).startAll()) {
            px.cluster().setUnreliable(true);
            Random random = new Random(px.seed());
            List<Integer> order = new ArrayList<>(IntStream.range(0, maxseq).boxed().toList());
            Collections.shuffle(order, random);
            for (int seq : order) {
                px.px(random.nextInt(3)).start(seq, random.nextInt());
            }
            // Meanwhile a random peer marks a random instance it has decided as done, every millisecond.
            ScheduledExecutorService doner = Executors.newSingleThreadScheduledExecutor();
            Random doneRandom = new Random(px.seed() + 1);
            doner.scheduleWithFixedDelay(() -> {
                int seq = doneRandom.nextInt(maxseq);
                Paxos<Object> peer = px.px(doneRandom.nextInt(3));
                if (seq >= peer.min() && peer.status(seq).isDecided()) {
                    peer.done(seq);
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
            try {
                Await.until("every instance decided or forgotten", PaxosCluster.WAIT,
                        () -> IntStream.range(0, maxseq).allMatch(seq -> settled(px, seq)));
            } finally {
                doner.shutdownNow();
                doner.awaitTermination(5, TimeUnit.SECONDS);
            }
            px.cluster().setUnreliable(false);
            px.awaitIdle();
            for (int seq = 0; seq < maxseq; seq++) {
                px.ndecided(seq);
                for (int i = 0; i < 3; i++) {
                    if (seq < px.px(i).min()) {
                        assertThat(px.px(i).status(seq).fate()).isEqualTo(Fate.FORGOTTEN);
                    }
                }
            }
        }
    }

    /**
     * Decided somewhere (values agreeing), or forgotten somewhere, which implies decided by all. Only
     * one peer proposes in each instance, so if both its decided messages are lost it alone knows.
     */
    private static boolean settled(PaxosCluster px, long seq) {
        boolean forgotten = IntStream.range(0, px.size()).anyMatch(i -> seq < px.px(i).min());
        return forgotten || px.ndecided(seq) >= 1;
    }

    @Test
    @DisplayName("Test: Paxos frees forgotten instance memory ...")
    void freesForgottenMemory() {
        try (PaxosCluster px = new PaxosCluster("TestForgetMem", 3).startAll()) {
            px.px(0).start(0, "x");
            px.waitn(0, 3);
            long m0 = usedHeapAfterGc();

            for (int seq = 1; seq <= 10; seq++) {
                px.px(0).start(seq, big(seq));
                px.waitn(seq, 3);
            }
            px.awaitIdle();
            long m1 = usedHeapAfterGc();
            assertThat(m1).as("memory use did not increase").isGreaterThan(m0 + 10L * MB);
            assertThat(retained(px)).as("instances retained before Done()").isEqualTo(3 * 11);
            assertThat(retainedBytes(px)).as("value bytes retained before Done()").isGreaterThan(3 * 10L * MB);

            for (int i = 0; i < 3; i++) {
                px.px(i).done(10);
            }
            for (int i = 0; i < 3; i++) {
                px.px(i).start(11 + i, "z");
            }
            Await.until("Min() to advance to 11", PaxosCluster.WAIT,
                    () -> IntStream.range(0, 3).allMatch(i -> px.px(i).min() == 11));
            px.awaitIdle();

            long m2 = usedHeapAfterGc();
            LOG.info("heap in use: {} MB before, {} MB with 10 MB of values, {} MB after forgetting",
                    m0 / MB, m1 / MB, m2 / MB);
            assertThat(m2).as("memory use did not shrink enough (m0=%d m1=%d m2=%d)", m0, m1, m2)
                    .isLessThan(m1 - (m1 - m0) / 2);
            for (int i = 0; i < 3; i++) {
                PaxosPeer peer = px.peer(i);
                for (int seq = 0; seq <= 10; seq++) {
                    assertThat(peer.status(seq).fate()).as("seq %d < Min() %d but not Forgotten", seq, peer.min())
                            .isEqualTo(Fate.FORGOTTEN);
                }
                assertThat(peer.peerStatus().retained()).as("instances retained by peer %d after Done()", i)
                        .isEqualTo(3);
                assertThat(peer.peerStatus().retainedBytes()).as("value bytes retained by peer %d after Done()", i)
                        .isLessThan(100);
            }
        }
    }

    /** A value of about a megabyte, different for each instance. */
    private static String big(int seq) {
        StringBuilder value = new StringBuilder(MB);
        Random random = new Random(seq);
        for (int i = 0; i < MB; i++) {
            value.append((char) ('a' + random.nextInt(26)));
        }
        return value.toString();
    }

    private static long retained(PaxosCluster px) {
        return IntStream.range(0, px.size()).mapToLong(i -> px.peer(i).peerStatus().retained()).sum();
    }

    private static long retainedBytes(PaxosCluster px) {
        return IntStream.range(0, px.size()).mapToLong(i -> px.peer(i).peerStatus().retainedBytes()).sum();
    }

    /**
     * The lab reads runtime.MemStats after runtime.GC(); here, the least heap in use over a few full
     * collections, since one may run before other threads' garbage is unreachable.
     */
    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }
}
