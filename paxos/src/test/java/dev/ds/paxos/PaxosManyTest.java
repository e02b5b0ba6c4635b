package dev.ds.paxos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The 6.824 tests with many instances: many, old (minority proposal), many unreliable, and lots. */
class PaxosManyTest {

    /** The lab runs "lots" for 20 seconds; {@code -Dpaxos.lots.seconds=20} does the same here. */
    private static final Duration LOTS = Duration.ofSeconds(Long.getLong("paxos.lots.seconds", 5));

    @Test
    @DisplayName("Test: Many instances ...")
    void manyInstances() {
        try (PaxosCluster px = new PaxosCluster("TestMany", 3).startAll()) {
            runMany(px, 5);
        }
    }

    @Test
    @DisplayName("Test: Many instances, unreliable RPC ...")
    void manyInstancesUnreliable() {
        try (PaxosCluster px = new PaxosCluster("TestManyUnreliable", 3).startAll()) {
            px.cluster().setUnreliable(true);
            runMany(px, 3);
        }
    }

    /** 50 instances, every peer proposing in each, at most {@code active} undecided at a time. */
    private static void runMany(PaxosCluster px, int active) {
        int ninst = 50;
        for (int i = 0; i < 3; i++) {
            px.px(i).start(0, 0);
        }
        for (int seq = 1; seq < ninst; seq++) {
            if (seq >= active) {
                px.waitn(seq - active, 3);
            }
            for (int i = 0; i < 3; i++) {
                px.px(i).start(seq, (seq * 10) + i);
            }
        }
        for (int seq = 1; seq < ninst; seq++) {
            px.waitn(seq, 3);
        }
    }

    @Test
    @DisplayName("Test: Minority proposal ignored ...")
    void minorityProposalIgnored() {
        try (PaxosCluster px = new PaxosCluster("TestOld", 5)) {
            px.start(1).start(2).start(3);
            px.px(1).start(1, 111);
            px.waitmajority(1);

            px.start(0);
            px.px(0).start(1, 222);
            px.waitn(1, 4);
            assertThat(px.px(0).status(1).value()).as("a late proposer must learn the chosen value").isEqualTo(111);
        }
    }

    @Test
    @DisplayName("Test: Many requests, changing partitions ...")
    void manyRequestsChangingPartitions() throws InterruptedException {
        try (PaxosCluster px = new PaxosCluster("TestLots", 5).startAll()) {
            px.cluster().setUnreliable(true);
            AtomicInteger seq = new AtomicInteger();
            ScheduledExecutorService chaos = Executors.newScheduledThreadPool(2);
            CountDownLatch stopped = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Random partitions = new Random(px.seed() + 1);
            Random starts = new Random(px.seed() + 2);
            Load load = new Load(chaos, stopped, failure);
            load.repeat(partitions, 200, () -> repartition(px, partitions));
            load.repeat(starts, 300, () -> startIfFewPending(px, seq, starts));
            chaos.schedule(stopped::countDown, LOTS.toMillis(), TimeUnit.MILLISECONDS);
            stopped.await();
            chaos.shutdownNow();
            assertThat(chaos.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failure.get()).as("a check during the run failed").isNull();

            px.cluster().setUnreliable(false);
            px.cluster().heal();
            for (int i = 0; i < seq.get(); i++) {
                px.waitmajority(i);
            }
            assertThat(seq.get()).as("instances started during the run").isPositive();
        }
    }

    /** Background load: tasks repeated at random intervals until stopped; the first failure stops them all. */
    private record Load(ScheduledExecutorService executor, CountDownLatch stopped, AtomicReference<Throwable> failure) {

        /** Runs {@code task} again and again, a random pause of up to {@code maxMs} apart. */
        void repeat(Random random, int maxMs, Runnable task) {
            if (stopped.getCount() == 0) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException | AssertionError e) {
                failure.compareAndSet(null, e);
                stopped.countDown();
                return;
            }
            executor.schedule(() -> repeat(random, maxMs, task), random.nextInt(maxMs), TimeUnit.MILLISECONDS);
        }
    }

    private static void repartition(PaxosCluster px, Random random) {
        List<List<Integer>> groups = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < px.size(); i++) {
            groups.get(random.nextInt(3)).add(i);
        }
        px.cluster().partition(groups.get(0), groups.get(1), groups.get(2));
    }

    /** Starts a new instance on every peer while fewer than 10 are not yet decided everywhere; checks agreement. */
    private static void startIfFewPending(PaxosCluster px, AtomicInteger seq, Random random) {
        int started = seq.get();
        long decided = IntStream.range(0, started).filter(i -> px.ndecided(i) == px.size()).count();
        if (started - decided < 10) {
            for (int i = 0; i < px.size(); i++) {
                px.px(i).start(started, random.nextInt(10));
            }
            seq.incrementAndGet();
        }
    }
}
