package dev.ds.shardmaster.boot;

import static dev.ds.shardmaster.boot.ShardMasterHttpTest.awaitAnswer;
import static dev.ds.shardmaster.boot.ShardMasterHttpTest.servers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.process.Jvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of the shard master (CONTRACT.md section 1): a whole group stopped and started again
 * on its data dirs answers the latest and every historical configuration as before. More changes
 * than the snapshot interval (16) are made, so a restart loads a snapshot and replays the Paxos log
 * after it.
 */
class ShardMasterRestartTest {

    private static final int CHANGES = 40;
    private static final String DATA_DIR = "--node.data-dir=";

    /**
     * Replicas in JVMs of their own, on this test's class path, each with a small heap, writing its
     * log beside its data dir; closing one is SIGKILL: no shutdown hook, no clean close.
     */
    private static final HttpGroup.Launcher JVMS = args -> {
        List<String> command = new ArrayList<>(List.of(Jvm.javaBin(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ShardMasterApplication.class.getName()));
        command.addAll(args);
        String dataDir = args.stream().filter(arg -> arg.startsWith(DATA_DIR)).findFirst().orElseThrow()
                .substring(DATA_DIR.length());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(dataDir + ".log").toFile())).start();
        return () -> {
            process.destroyForcibly();
            process.waitFor(HttpGroup.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        };
    };

    /** Kept when a test fails, with the replicas' logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDirs;

    @Test
    void aGroupClosedAndStartedAgainAnswersEveryConfigurationAsBefore() throws Exception {
        survivesRestart("shardmaster-restart", ShardMasterHttpTest.CONTEXTS);
    }

    @Test
    void aGroupKilledWithSigkillAndStartedAgainAnswersEveryConfigurationAsBefore() throws Exception {
        survivesRestart("shardmaster-kill9", JVMS);
    }

    private void survivesRestart(String test, HttpGroup.Launcher launcher) throws Exception {
        Random random = new Random(Seeds.seed(test));
        try (HttpGroup group = new HttpGroup(3, dataDirs)) {
            group.start(launcher);
            ShardMasterClient ck = group.client("ck");
            randomChanges(ck, random);
            List<Config> history = new ArrayList<>();
            for (long num = 0; num <= CHANGES; num++) {
                history.add(awaitAnswer(group, (int) (num % 3), num).config());
            }
            for (int replica = 0; replica < 3; replica++) {
                // A query through each replica makes it apply the whole log, and so snapshot.
                assertThat(awaitAnswer(group, replica, -1).config()).isEqualTo(history.get(CHANGES));
                assertThat(group.dataDir(replica).resolve("shardmaster/snapshot.json"))
                        .as("replica %d's snapshot", replica).exists();
            }
            group.stop();

            group.start(launcher);
            for (int replica = 0; replica < 3; replica++) {
                assertThat(awaitAnswer(group, replica, -1).config()).as("the latest at replica %d", replica)
                        .isEqualTo(history.get(CHANGES));
                for (Config past : history) {
                    assertThat(awaitAnswer(group, replica, past.num()).config())
                            .as("configuration %d at replica %d", past.num(), replica).isEqualTo(past);
                }
            }
            ck.join(100, servers(100));
            assertThat(ck.latest().num()).as("the first change after the restart").isEqualTo(CHANGES + 1);
        }
    }

    /** {@link #CHANGES} Joins, Leaves and Moves, each of which makes a new configuration. */
    private static void randomChanges(ShardMasterClient ck, Random random) {
        TreeSet<Long> joined = new TreeSet<>();
        for (int i = 0; i < CHANGES; i++) {
            int kind = joined.size() < 2 ? 0 : random.nextInt(3);
            if (kind == 0 && joined.size() < 8) {
                long gid = random.longs(1, 9).filter(g -> !joined.contains(g)).findFirst().orElseThrow();
                ck.join(gid, servers(gid));
                joined.add(gid);
            } else if (kind == 1 || kind == 0) {
                long gid = joined.stream().skip(random.nextInt(joined.size())).findFirst().orElseThrow();
                ck.leave(gid);
                joined.remove(gid);
            } else {
                long gid = joined.stream().skip(random.nextInt(joined.size())).findFirst().orElseThrow();
                ck.move(random.nextInt(ShardMasterHttpTest.N_SHARDS), gid);
            }
        }
    }
}
