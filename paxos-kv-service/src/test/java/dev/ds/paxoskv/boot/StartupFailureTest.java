package dev.ds.paxoskv.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.process.Jvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each setting a paxos-kv replica requires, missing or bad, stops start-up with one line naming it
 * and a non-zero exit (CONTRACT.md section 1), on a real JVM as a user would see it.
 */
class StartupFailureTest {

    private static final String PEERS = "--node.peers=http://127.0.0.1:1,http://127.0.0.1:2,http://127.0.0.1:3";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--node.me=0                                              | invalid setting node.peers=(missing): required",
        PEERS + "                                                 | invalid setting node.me=(missing)",
        PEERS + " --node.me=3                                     | invalid setting node.me=3: must be this node's index in node.peers, 0..2",
        PEERS + " --node.me=0                                     | invalid setting node.data-dir=(missing): required",
        PEERS + " --node.me=0 --node.data-dir=target/sf --node.initial-cluster-state=old | invalid setting node.initial-cluster-state=old: must be new",
        PEERS + " --node.me=0 --node.data-dir=target/sf --paxoskv.op-timeout=0s | invalid setting paxoskv.op-timeout=0ms: must be a positive duration",
    })
    void badSettingStopsStartupWithOneLine(String args, String expectedLine) throws Exception {
        assertThat(Jvm.startupFailure(PaxosKvApplication.class, args)).contains(expectedLine.trim());
    }
}
