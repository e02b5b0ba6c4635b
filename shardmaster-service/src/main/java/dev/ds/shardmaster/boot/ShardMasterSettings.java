package dev.ds.shardmaster.boot;

import dev.ds.spring.boot.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param shards {@code shardmaster.shards}: NShards, the number of shards every configuration
 *     assigns (default 10); every replica of one shard master must use the same value. The replica's
 *     own settings ({@code shardmaster.op-timeout}, ...) are the replica stack's
 *     ({@code rsm.boot.ReplicaProperties}).
 */
@ConfigurationProperties("shardmaster")
record ShardMasterSettings(@DefaultValue("10") int shards) {

    ShardMasterSettings {
        if (shards < 1) {
            throw new InvalidSettingException("shardmaster.shards", shards, "must be at least 1");
        }
    }
}
