package dev.ds.paxoskv.boot;

import dev.ds.spring.boot.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param opTimeout {@code paxoskv.op-timeout}: how long a request waits for its decision before
 *     {@code ErrTimeout} (default 2s)
 * @param maxQueued {@code paxoskv.max-queued}: requests that may wait for decisions at once (default 10000)
 * @param snapshotEvery {@code paxoskv.snapshot-every}: applied instances between snapshots (default 64);
 *     the Paxos log keeps the instances after the latest snapshot, which a restart replays
 */
@ConfigurationProperties("paxoskv")
record PaxosKvSettings(@DefaultValue("2s") Duration opTimeout, @DefaultValue("10000") int maxQueued,
        @DefaultValue("64") int snapshotEvery) {

    PaxosKvSettings {
        if (opTimeout == null || opTimeout.isNegative() || opTimeout.isZero()) {
            throw new InvalidSettingException("paxoskv.op-timeout", opTimeout, "must be a positive duration such as 2s");
        }
        if (maxQueued < 1) {
            throw new InvalidSettingException("paxoskv.max-queued", maxQueued, "must be at least 1");
        }
        if (snapshotEvery < 1) {
            throw new InvalidSettingException("paxoskv.snapshot-every", snapshotEvery, "must be at least 1");
        }
    }
}
