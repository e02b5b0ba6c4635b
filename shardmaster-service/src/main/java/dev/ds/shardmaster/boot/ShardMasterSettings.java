package dev.ds.shardmaster.boot;

import dev.ds.spring.boot.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param shards {@code shardmaster.shards}: NShards, the number of shards every configuration
 *     assigns (default 10); every replica of one shard master must use the same value
 * @param opTimeout {@code shardmaster.op-timeout}: how long a request waits for its decision before
 *     {@code ErrTimeout} (default 2s)
 * @param maxQueued {@code shardmaster.max-queued}: requests that may wait for decisions at once (default 10000)
 */
@ConfigurationProperties("shardmaster")
record ShardMasterSettings(@DefaultValue("10") int shards, @DefaultValue("2s") Duration opTimeout,
        @DefaultValue("10000") int maxQueued) {

    ShardMasterSettings {
        if (shards < 1) {
            throw new InvalidSettingException("shardmaster.shards", shards, "must be at least 1");
        }
        if (opTimeout == null || opTimeout.isNegative() || opTimeout.isZero()) {
            throw new InvalidSettingException("shardmaster.op-timeout", opTimeout, "must be a positive duration such as 2s");
        }
        if (maxQueued < 1) {
            throw new InvalidSettingException("shardmaster.max-queued", maxQueued, "must be at least 1");
        }
    }
}
