package dev.ds.shardkv.boot;

import dev.ds.api.shardmaster.ConfigWatch;
import dev.ds.spring.boot.InvalidSettingException;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gid {@code shardkv.gid}: this node's replica group, positive, the same on every replica of the group
 * @param shardmasters {@code shardkv.shardmasters}: the shard master replicas' base URLs, comma-separated
 * @param shards {@code shardkv.shards}: NShards, which must equal the shard master's {@code shardmaster.shards} (default 10)
 * @param pollInterval {@code shardkv.poll-interval}: how often the migrator asks for the next
 *     configuration and moves shards (default 100ms)
 * @param watchWait {@code shardkv.watch-wait}: how long an idle replica's watch of the shard master
 *     waits for a change before it asks again (default 5s, at most 60s, the shard master's limit)
 *
 * <p>The replica's own settings ({@code shardkv.op-timeout}, {@code shardkv.max-queued},
 * {@code shardkv.snapshot-every}) are the replica stack's ({@code rsm.boot.ReplicaProperties}).
 */
@ConfigurationProperties("shardkv")
record ShardKvSettings(Long gid, List<String> shardmasters, @DefaultValue("10") int shards,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("5s") Duration watchWait) {

    private static final Duration MAX_WATCH_WAIT = Duration.ofMillis(ConfigWatch.MAX_WAIT_MS);

    ShardKvSettings {
        if (gid == null || gid <= 0) {
            throw new InvalidSettingException("shardkv.gid", gid, "required: this replica group's id, a positive number");
        }
        if (shardmasters == null || shardmasters.isEmpty() || shardmasters.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new InvalidSettingException("shardkv.shardmasters", shardmasters,
                    "required: every shard master replica's base URL, comma-separated");
        }
        shardmasters = shardmasters.stream().map(String::trim).toList();
        if (shards < 1) {
            throw new InvalidSettingException("shardkv.shards", shards, "must be at least 1");
        }
        requirePositive("shardkv.poll-interval", pollInterval);
        requirePositive("shardkv.watch-wait", watchWait);
        if (watchWait.compareTo(MAX_WATCH_WAIT) > 0) {
            throw new InvalidSettingException("shardkv.watch-wait", watchWait,
                    "must be at most " + MAX_WATCH_WAIT.toSeconds() + "s, the longest watch a shard master holds");
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(property, value, "must be a positive duration such as 2s");
        }
    }
}
