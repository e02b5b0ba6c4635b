package dev.ds.paxos.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and restart on the real on-disk store: a group deciding instances is killed (SIGKILL, no
 * clean shutdown of anything), restarted on the same RocksDB folders, and made to propose other
 * values in every instance: each instance decided before the kill keeps its value.
 */
class CrashRestartTest {

    private static final Duration LINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void decisionsSurviveAKillAndRestart() throws InterruptedException {
        Map<Long, String> before = new TreeMap<>();
        try (ChildJvm group = ChildJvm.start(GroupRunner.class, dir.toString(), "propose", "first")) {
            while (before.size() < 40) {
                String[] line = group.nextLine(LINE).split(" ");
                before.put(Long.parseLong(line[1]), line[2]);
            }
            group.kill();
        }

        // The instance after the last one reported may have been decided too, unreported: include it.
        long last = ((TreeMap<Long, String>) before).lastKey() + 2;
        Map<Long, String> after = new TreeMap<>();
        try (ChildJvm group = ChildJvm.start(GroupRunner.class, dir.toString(), "learn", "second", Long.toString(last))) {
            for (String line = group.nextLine(LINE); !line.equals("done"); line = group.nextLine(LINE)) {
                String[] parts = line.split(" ");
                after.put(Long.parseLong(parts[1]), parts[2]);
            }
            assertThat(group.waitForExit(LINE)).isZero();
        }

        before.forEach((seq, value) ->
                assertThat(after.get(seq)).as("instance %d after the restart", seq).isEqualTo(value));
        assertThat(after).hasSize((int) last + 1);
    }
}
