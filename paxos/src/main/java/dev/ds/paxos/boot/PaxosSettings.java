package dev.ds.paxos.boot;

import dev.ds.spring.boot.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Paxos library's own settings; the group itself comes from the shared {@code node.*} settings
 * ({@link GroupSettings}).
 *
 * @param storage {@code paxos.storage}: {@code rocksdb} (default; under {@code node.data-dir}/paxos)
 *     or {@code memory} (nothing survives a restart, so every start rejoins under the lost-disk rule)
 * @param retryMin {@code paxos.retry-min}: the shortest wait before a proposer's next round (default 10ms)
 * @param retryMax {@code paxos.retry-max}: the longest (default 300ms); also how often a rejoining
 *     peer asks again
 */
@ConfigurationProperties("paxos")
public record PaxosSettings(
        @DefaultValue("rocksdb") StorageKind storage,
        @DefaultValue("10ms") Duration retryMin,
        @DefaultValue("300ms") Duration retryMax) {

    /** Where acceptor state is kept. */
    public enum StorageKind { ROCKSDB, MEMORY }

    public PaxosSettings {
        if (storage == null) {
            throw new InvalidSettingException("paxos.storage", null, "must be rocksdb or memory");
        }
        if (retryMin == null || retryMin.isNegative() || retryMin.isZero()) {
            throw new InvalidSettingException("paxos.retry-min", retryMin, "must be a positive duration such as 10ms");
        }
        if (retryMax == null || retryMax.compareTo(retryMin) < 0) {
            throw new InvalidSettingException("paxos.retry-max", retryMax, "must be at least paxos.retry-min");
        }
    }
}
