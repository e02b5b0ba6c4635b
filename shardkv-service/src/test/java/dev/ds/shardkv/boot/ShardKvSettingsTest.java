package dev.ds.shardkv.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.rsm.boot.ReplicaProperties;
import dev.ds.spring.boot.InvalidSettingException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad setting stops start-up with one line naming it (CONTRACT.md section 1). */
class ShardKvSettingsTest {

    private static ShardKvSettings settings(Long gid, List<String> masters, int shards) {
        return new ShardKvSettings(gid, masters, shards, Duration.ofMillis(100), Duration.ofMillis(1500));
    }

    @Test
    void eachBadSettingIsNamed() {
        assertThatThrownBy(() -> settings(null, List.of("http://m"), 10)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("invalid setting shardkv.gid=(missing)");
        assertThatThrownBy(() -> settings(0L, List.of("http://m"), 10)).hasMessageStartingWith("invalid setting shardkv.gid=0");
        assertThatThrownBy(() -> settings(1L, null, 10)).hasMessageStartingWith("invalid setting shardkv.shardmasters");
        assertThatThrownBy(() -> settings(1L, List.of(" "), 10)).hasMessageStartingWith("invalid setting shardkv.shardmasters");
        assertThatThrownBy(() -> settings(1L, List.of("http://m"), 0)).hasMessageStartingWith("invalid setting shardkv.shards=0");
        assertThatThrownBy(() -> new ReplicaProperties("shardkv", "shardkv", Duration.ZERO, 10, 64))
                .hasMessageStartingWith("invalid setting shardkv.op-timeout=0ms");
        assertThatThrownBy(() -> new ShardKvSettings(1L, List.of("http://m"), 10, Duration.ofMillis(100), Duration.ZERO))
                .hasMessageStartingWith("invalid setting shardkv.watch-wait=0ms");
        assertThatThrownBy(() -> new ShardKvSettings(1L, List.of("http://m"), 10, Duration.ofMillis(100), Duration.ofSeconds(61)))
                .hasMessageStartingWith("invalid setting shardkv.watch-wait=").hasMessageContaining("at most 60s");
    }

    @Test
    void shardMasterUrlsAreTrimmed() {
        assertThat(settings(7L, List.of(" http://a ", "http://b"), 10).shardmasters()).containsExactly("http://a", "http://b");
    }
}
