package dev.ds.paxos.boot;

import dev.ds.paxos.core.Bootstrap;
import dev.ds.spring.boot.InvalidSettingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This node's replica group, from the settings every service shares (CONTRACT.md section 1).
 *
 * @param peers {@code node.peers}: every replica's base URL, this one included, in the same order everywhere
 * @param me {@code node.me}: this node's index in {@code peers}
 * @param dataDir {@code node.data-dir}: where durable state lives
 * @param initialClusterState {@code node.initial-cluster-state}: {@code new} (default) or {@code
 *     existing}, what an empty data dir means ({@link Bootstrap})
 */
@ConfigurationProperties("node")
public record GroupSettings(List<String> peers, Integer me, Path dataDir, String initialClusterState) {

    public GroupSettings {
        if (peers == null || peers.isEmpty() || peers.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new InvalidSettingException("node.peers", peers,
                    "required: every replica's base URL, comma-separated");
        }
        peers = peers.stream().map(String::trim).toList();
        if (me == null || me < 0 || me >= peers.size()) {
            throw new InvalidSettingException("node.me", me,
                    "must be this node's index in node.peers, 0.." + (peers.size() - 1));
        }
        initialClusterState = initialClusterState == null ? "new" : initialClusterState.trim().toLowerCase(Locale.ROOT);
        if (!initialClusterState.equals("new") && !initialClusterState.equals("existing")) {
            throw new InvalidSettingException("node.initial-cluster-state", initialClusterState,
                    "must be new (an empty data dir is a new member) or existing (an empty data dir is a lost disk)");
        }
    }

    /** What an empty data dir means for this node. */
    public Bootstrap bootstrap() {
        return initialClusterState.equals("new") ? Bootstrap.NEW : Bootstrap.EXISTING;
    }

    /** The data folder, which the on-disk store needs. */
    Path requireDataDir() {
        if (dataDir == null) {
            throw new InvalidSettingException("node.data-dir", null, "required with paxos.storage=rocksdb");
        }
        return dataDir;
    }
}
