package dev.ds.shardmaster.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.shardmaster.Config;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 6.824's {@code TestFreshQuery} on real replicas: three shard masters of a new group where 1 and 2
 * cannot reach 0 (one way: 0 still reaches them). 1 and 2 are a majority, so a Join sent to 1
 * completes; a query at 0 then returns a configuration that has it.
 */
class FreshQueryHttpTest {

    private static final Logger LOG = LoggerFactory.getLogger(FreshQueryHttpTest.class);

    @TempDir
    Path dataDirs;

    @Test
    @DisplayName("Test: Query() returns latest configuration, with 1 and 2 unable to reach 0")
    void aMajorityThatCannotReachTheThirdStillDecides() throws Exception {
        try (HttpGroup group = new HttpGroup(3, dataDirs, "--chaos.enabled=true", "--shardmaster.op-timeout=1s")) {
            group.start(ShardMasterHttpTest.CONTEXTS);
            group.block(1, 0);
            group.block(2, 0);

            long joinAt = System.nanoTime();
            group.client("ck1", 1).join(1001, ShardMasterHttpTest.servers(1001));
            LOG.info("join through replica 1 decided in {} ms", (System.nanoTime() - joinAt) / 1_000_000);

            Config fresh = ShardMasterHttpTest.awaitAnswer(group, 0, -1).config();
            assertThat(fresh.groups()).as("Query(-1) at replica 0 must not be stale").containsKey(1001L);
        }
    }
}
