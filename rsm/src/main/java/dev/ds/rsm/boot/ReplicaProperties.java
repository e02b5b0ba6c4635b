package dev.ds.rsm.boot;

import dev.ds.spring.boot.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings every service on the log has, under the service's own prefix ({@code paxoskv},
 * {@code shardmaster}, {@code shardkv}): {@code <prefix>.op-timeout} (default 2s), how long a
 * request waits for its decision before {@code ErrTimeout}; {@code <prefix>.max-queued} (default
 * 10000), requests that may wait for decisions at once; {@code <prefix>.snapshot-every} (the
 * service's default), applied instances between snapshots, which the Paxos log keeps and a restart
 * replays. A service declares this bean; the replica stack does the rest.
 *
 * @param prefix the service's property prefix, which also names its metrics
 * @param folder where under {@code node.data-dir} the service keeps its snapshot
 */
public record ReplicaProperties(String prefix, String folder, Duration opTimeout, int maxQueued, int snapshotEvery) {

    static final Duration DEFAULT_OP_TIMEOUT = Duration.ofSeconds(2);
    static final int DEFAULT_MAX_QUEUED = 10_000;

    public ReplicaProperties {
        if (opTimeout == null || opTimeout.isNegative() || opTimeout.isZero()) {
            throw new InvalidSettingException(prefix + ".op-timeout", opTimeout, "must be a positive duration such as 2s");
        }
        if (maxQueued < 1) {
            throw new InvalidSettingException(prefix + ".max-queued", maxQueued, "must be at least 1");
        }
        if (snapshotEvery < 1) {
            throw new InvalidSettingException(prefix + ".snapshot-every", snapshotEvery, "must be at least 1");
        }
    }

    /** Reads the settings under {@code prefix}, with the defaults above and {@code snapshotEvery} for the last. */
    public static ReplicaProperties bind(Environment environment, String prefix, String folder, int snapshotEvery) {
        Binder binder = Binder.get(environment);
        return new ReplicaProperties(prefix, folder,
                binder.bind(prefix + ".op-timeout", Duration.class).orElse(DEFAULT_OP_TIMEOUT),
                binder.bind(prefix + ".max-queued", Integer.class).orElse(DEFAULT_MAX_QUEUED),
                binder.bind(prefix + ".snapshot-every", Integer.class).orElse(snapshotEvery));
    }
}
