package dev.ds.shardkv.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.process.Jvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each setting a shardkv replica requires, missing or bad, stops start-up with one line naming it
 * and a non-zero exit (CONTRACT.md section 1), on a real JVM as a user would see it. Every row gives
 * all the other settings, so that the line names the one left out.
 */
class StartupFailureTest {

    private static final String GROUP = "--node.peers=http://127.0.0.1:1,http://127.0.0.1:2 --node.me=0"
            + " --node.data-dir=target/sf";
    private static final String SHARD = "--shardkv.gid=100 --shardkv.shardmasters=http://127.0.0.1:4";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        SHARD + " --node.me=0 --node.data-dir=target/sf | invalid setting node.peers=(missing): required",
        GROUP + " --shardkv.shardmasters=http://127.0.0.1:4 | invalid setting shardkv.gid=(missing)",
        GROUP + " --shardkv.gid=100                      | invalid setting shardkv.shardmasters",
        GROUP + " " + SHARD + " --node.initial-cluster-state=later | invalid setting node.initial-cluster-state=later",
    })
    void badSettingStopsStartupWithOneLine(String args, String expectedLine) throws Exception {
        assertThat(Jvm.startupFailure(ShardKvApplication.class, args)).contains(expectedLine.trim());
    }
}
