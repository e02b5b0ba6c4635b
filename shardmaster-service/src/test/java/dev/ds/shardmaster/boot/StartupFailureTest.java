package dev.ds.shardmaster.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.process.Jvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each setting a shard master replica requires, missing or bad, stops start-up with one line
 * naming it and a non-zero exit (CONTRACT.md section 1), on a real JVM as a user would see it.
 */
class StartupFailureTest {

    private static final String GROUP = "--node.peers=http://127.0.0.1:1,http://127.0.0.1:2 --node.me=1";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--node.data-dir=target/sf                          | invalid setting node.peers=(missing): required",
        "--node.peers=http://127.0.0.1:1 --node.data-dir=target/sf | invalid setting node.me=(missing)",
        GROUP + "                                           | invalid setting node.data-dir=(missing): required",
        GROUP + " --node.data-dir=target/sf --node.initial-cluster-state=joined | invalid setting node.initial-cluster-state=joined",
        GROUP + " --node.data-dir=target/sf --shardmaster.shards=0 | invalid setting shardmaster.shards=0: must be at least 1",
    })
    void badSettingStopsStartupWithOneLine(String args, String expectedLine) throws Exception {
        assertThat(Jvm.startupFailure(ShardMasterApplication.class, args)).contains(expectedLine.trim());
    }
}
