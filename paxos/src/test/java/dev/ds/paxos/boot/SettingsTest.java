package dev.ds.paxos.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.paxos.core.Bootstrap;
import dev.ds.spring.boot.InvalidSettingException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad setting stops start-up with one line naming it (CONTRACT.md section 1). */
class SettingsTest {

    private static final List<String> PEERS = List.of("http://a:1", " http://b:2 ", "http://c:3");

    @Test
    void aValidGroup() {
        GroupSettings group = new GroupSettings(PEERS, 1, Path.of("/data"), null);
        assertThat(group.peers()).containsExactly("http://a:1", "http://b:2", "http://c:3");
        assertThat(group.requireDataDir()).isEqualTo(Path.of("/data"));
    }

    @Test
    void meMustIndexThePeers() {
        assertThatThrownBy(() -> new GroupSettings(PEERS, 3, null, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("invalid setting node.me=3: must be this node's index in node.peers, 0..2");
        assertThatThrownBy(() -> new GroupSettings(PEERS, null, null, null)).hasMessageStartingWith("invalid setting node.me=(missing)");
    }

    @Test
    void initialClusterStateIsNewOrExisting() {
        assertThat(new GroupSettings(PEERS, 0, null, null).bootstrap()).isEqualTo(Bootstrap.NEW);
        assertThat(new GroupSettings(PEERS, 0, null, " Existing ").bootstrap()).isEqualTo(Bootstrap.EXISTING);
        assertThatThrownBy(() -> new GroupSettings(PEERS, 0, null, "old"))
                .hasMessageStartingWith("invalid setting node.initial-cluster-state=old: must be new");
    }

    @Test
    void peersAreRequired() {
        assertThatThrownBy(() -> new GroupSettings(List.of(), 0, null, null)).hasMessageStartingWith("invalid setting node.peers");
    }

    @Test
    void theDiskStoreNeedsADataDir() {
        assertThatThrownBy(() -> new GroupSettings(PEERS, 0, null, null).requireDataDir())
                .hasMessage("invalid setting node.data-dir=(missing): required with paxos.storage=rocksdb");
    }

    @Test
    void retriesMustBeAPositiveRange() {
        assertThatThrownBy(() -> new PaxosSettings(PaxosSettings.StorageKind.MEMORY, Duration.ZERO, Duration.ofMillis(5)))
                .hasMessageStartingWith("invalid setting paxos.retry-min=0ms");
        assertThatThrownBy(() -> new PaxosSettings(PaxosSettings.StorageKind.MEMORY, Duration.ofMillis(50), Duration.ofMillis(5)))
                .hasMessage("invalid setting paxos.retry-max=5ms: must be at least paxos.retry-min");
    }
}
