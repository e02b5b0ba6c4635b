package dev.ds.dsctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ds.testkit.browser.HeadlessChromium;
import dev.ds.testkit.http.LocalHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cluster console, clicked in headless Chromium on a running system: partition a paxos-kv
 * replica from its group with a button, see it marked as cut off while the others still serve,
 * heal everything with another button. The screenshot taken meanwhile is the README's
 * ({@code -Dds.screenshots=docs} writes it there).
 */
class ConsoleTest {

    @Test
    void partitionAReplicaByClickingAndHealIt() throws Exception {
        Optional<String> chromium = CdpBrowser.binary();
        assumeTrue(chromium.isPresent(), "no Chromium installed (apt-get install chromium): console test skipped");
        LocalTopology cluster = LocalTopology.shared();
        // dsctl's at-most-once state of this test, not the user's ~/.dsctl.
        System.setProperty("dsctl.home", Files.createTempDirectory("console-test-home").toString());
        String topology = cluster.topologyFile().toString();
        for (String gid : new String[] {"100", "101"}) {
            assertThat(dsctl("--topology", topology, "shardmaster", "join", gid)).isZero();
        }
        Dsctl root = new Dsctl();
        root.topologyFile = cluster.topologyFile();
        ConsoleCommand console = new ConsoleCommand();
        console.root = root;
        console.bind = "127.0.0.1";
        console.port = LocalHttp.freePort();
        console.start();
        try (CdpBrowser browser = CdpBrowser.launch(chromium.get(), 1500, 1200)) {
            browser.navigate("http://127.0.0.1:" + console.port + "/");
            browser.waitFor("every paxos-kv replica ready", "['paxos-kv-0','paxos-kv-1','paxos-kv-2'].every(n => "
                    + "{ const r = document.getElementById('node-' + n); return r && r.cells[2].innerText === 'UP'; })");

            browser.click("#cut-paxos-kv-0");
            browser.waitFor("paxos-kv-0 marked as cut off and not ready", "(() => { const r = document.getElementById("
                    + "'node-paxos-kv-0'); return r.classList.contains('cut') && r.innerText.includes("
                    + "'cut off from paxos-kv-1,paxos-kv-2') && r.cells[2].innerText === 'OUT_OF_SERVICE'; })()");
            assertThat(browser.eval("document.getElementById('node-paxos-kv-1').cells[2].innerText").asString())
                    .isEqualTo("UP");
            // The majority still serves while the page shows the cut.
            assertThat(dsctl("--topology", topology, "kv", "put", "console", "clicked")).isZero();
            browser.waitFor("the shard configuration", "document.getElementById('config').innerText.includes("
                    + "'configuration')");
            browser.screenshot(HeadlessChromium.screenshotDir().resolve("console.png"));

            browser.click("#heal-all");
            browser.waitFor("paxos-kv-0 healed and ready", "(() => { const r = document.getElementById("
                    + "'node-paxos-kv-0'); return !r.classList.contains('cut') && r.cells[2].innerText === 'UP'; })()");
        } finally {
            console.stop();
            dsctl("--topology", topology, "chaos", "heal", "--all");
            System.clearProperty("dsctl.home");
        }
    }

    private static int dsctl(String... args) {
        return Dsctl.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, args);
    }

}
