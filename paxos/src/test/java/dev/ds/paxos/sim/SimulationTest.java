package dev.ds.paxos.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.Seeds;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deterministic simulation of {@link PaxosSimulation}, over many seeds.
 *
 * <p>Without {@code -Dds.seed}, it runs {@code paxos.sim.seeds} seeds (25,000 by default, 30 to 40
 * seconds on two cores; a nightly run sets 100000) from a random, logged base; every failing seed
 * is named with its replay command. With {@code -Dds.seed=N} it runs exactly seed N.
 */
class SimulationTest {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationTest.class);
    private static final long SEEDS = Long.getLong("paxos.sim.seeds", 25_000);

    @Test
    @DisplayName("Simulation: no two peers decide differently, and all decide after a heal, for every seed")
    void manySeeds() {
        String fixed = System.getProperty("ds.seed");
        long base = Seeds.seed("PaxosSimulation");
        long count = fixed == null || fixed.isBlank() ? SEEDS : 1;
        long startedAt = System.nanoTime();
        List<PaxosSimulation.Result> results = new ForkJoinPool(2).submit(() -> LongStream.range(base, base + count)
                .parallel().mapToObj(PaxosSimulation::run).toList()).join();
        List<PaxosSimulation.Result> failed = results.stream().filter(r -> !r.ok()).toList();
        long events = results.stream().mapToLong(PaxosSimulation.Result::events).sum();
        long decisions = results.stream().mapToLong(PaxosSimulation.Result::decisions).sum();
        java.util.Map<String, Integer> wipes = new java.util.TreeMap<>();
        results.forEach(r -> r.wipes().forEach((at, n) -> wipes.merge(at, n, Integer::sum)));
        LOG.info("simulated {} seeds from {}: {} events, {} decisions, lost disks {}, {} failed, in {} ms", count,
                base, events, decisions, wipes, failed.size(), (System.nanoTime() - startedAt) / 1_000_000);
        assertThat(failed).as("failing seeds (replay one with -Dds.seed=N):%n%s", failed.stream()
                .map(r -> "  -Dds.seed=" + r.seed() + ": " + r.failure()).collect(Collectors.joining("\n")))
                .isEmpty();
        if (count > 1) {
            assertThat(wipes).as("disks lost at every kind of point").containsOnlyKeys(
                    "RANDOM", "AFTER_PREPARE", "AFTER_ACCEPT", "CHOSEN_NOT_LEARNED");
        }
    }

    @Test
    @DisplayName("Simulation: a broken bootstrap (a peer that lost its disk votes at once) breaks agreement")
    void lostDiskRuleIsNeeded() {
        long base = Seeds.seed("PaxosSimulation without the lost-disk rule");
        List<PaxosSimulation.Result> unsafe = LongStream.range(base, base + 200)
                .mapToObj(seed -> PaxosSimulation.run(seed, PaxosSimulation.LostDisk.VOTE_AT_ONCE))
                .filter(r -> !r.ok() && r.failure().contains("safety")).toList();
        assertThat(unsafe).as("runs in which agreement broke when the wiped peer voted at once").isNotEmpty();
    }

    @Test
    @DisplayName("Simulation: the same seed gives the same run")
    void replays() {
        long seed = Seeds.seed("PaxosSimulation replay");
        PaxosSimulation.Result first = PaxosSimulation.run(seed);
        PaxosSimulation.Result again = PaxosSimulation.run(seed);
        assertThat(again).isEqualTo(first);
        assertThat(first.events()).isPositive();
    }
}
