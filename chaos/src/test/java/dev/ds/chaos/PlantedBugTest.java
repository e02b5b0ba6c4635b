package dev.ds.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.chaos.check.Checks;
import dev.ds.chaos.check.Finding;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.browser.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The runner must catch a real bug: with the test-only {@code paxoskv.test.unsafe-local-reads}
 * every paxos-kv replica answers reads from its own state without the log, so a replica that lags
 * behind the others serves stale values. The runner has to report a linearizability violation and
 * write the HTML report that marks the offending reads.
 */
class PlantedBugTest {

    @Test
    void theRunnerReportsStaleLocalReadsAsNotLinearizable() throws Exception {
        RunnerTests.assumeJars("paxos-kv-service");
        long seed = Seeds.seed("PlantedBugTest");

        // Partitions cut a replica off while the others take writes: its local reads go stale. A
        // read-heavy mix keeps the clients that talk to it reading there (a client moves on only when
        // a write times out). A busy machine makes few operations, so a second run may be needed.
        ChaosRunner.Result result = null;
        for (int attempt = 0; attempt < 2 && (result == null || result.exitCode() != 1); attempt++) {
            result = ChaosRunner.run(RunnerTests.options(seed + attempt, "planted-bug", "--stores=paxos-kv",
                    "--planted-bug", "--seconds=30", "--clients=6", "--read-percent=80", "--fuzz=false",
                    "--hold-max-seconds=10", "--faults=partition_halves,partition_one_way,pause"));
        }

        System.out.println(result.summary());
        assertThat(result.exitCode()).as(result.summary()).isEqualTo(1);
        Finding linearizable = result.findings().stream().filter(f -> f.check().equals(Checks.LINEARIZABLE))
                .findFirst().orElseThrow();
        assertThat(linearizable.status()).as(result.summary()).isEqualTo(Finding.Status.VIOLATION);
        assertThat(linearizable.offending()).isNotEmpty();
        Path html = result.report().orElseThrow();
        String page = Files.readString(html);
        assertThat(page).contains("Close-up of the first violation").contains("fill=\"#e53935\"")
                .contains("paxos-kv client 00");
        assertThat(html.resolveSibling("history.jsonl")).isNotEmptyFile();
        assertThat(html.resolveSibling("faults.jsonl")).exists();
        assertThat(html.resolveSibling("logs").resolve("paxos-kv-0.log")).isNotEmptyFile();
        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        if (chromium.isPresent()) {
            chromium.get().screenshot(html.toUri().toString(),
                    HeadlessChromium.screenshotDir().resolve("chaos-planted-bug-report.png"), 1400, 900);
        }
    }
}
