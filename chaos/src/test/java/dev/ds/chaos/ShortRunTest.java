package dev.ds.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.chaos.check.Finding;
import dev.ds.chaos.nemesis.Timeline;
import dev.ds.testkit.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run of the CI build: every store as real processes (paxos-kv, shard masters with
 * two shardkv groups, the view service with pb servers), recording clients, a seeded schedule of
 * partitions of every shape, an unreliable network, slow nodes and SIGSTOP pauses (the faults that
 * need no JVM restart, so that a minute holds many of them; kills and wiped disks are the long
 * run's), then the fuzz pass over every role. Every check must pass; UNKNOWN fails it too.
 */
class ShortRunTest {

    @Test
    void everyStoreSurvivesASeededFaultScheduleAndTheFuzzPass() throws Exception {
        RunnerTests.assumeJars("paxos-kv-service", "shardmaster-service", "shardkv-service", "viewservice-service",
                "mapreduce-service");
        long seed = Seeds.seed("ShortRunTest");

        ChaosRunner.Result result = ChaosRunner.run(RunnerTests.options(seed, "short", "--seconds=60",
                "--faults=partition_halves,partition_ring,partition_bridge,partition_one_way,unreliable,slow,pause"));

        System.out.println(result.summary());
        assertThat(result.findings()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(result.findings()).as(result.summary()).allMatch(f -> f.status() == Finding.Status.PASS);
        assertThat(result.operations()).isGreaterThan(100);
        assertThat(result.faults()).as("faults injected").hasSizeGreaterThanOrEqualTo(8);
        assertThat(result.faults().stream().map(Timeline.Fault::store).distinct()).as("stores faulted").hasSizeGreaterThanOrEqualTo(2);
        assertThat(result.exitCode()).isZero();
    }
}
