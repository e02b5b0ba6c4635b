package dev.ds.shardkv.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.shardkv.ShardKeys;
import org.junit.jupiter.api.Test;

/** The key-to-shard rule of CONTRACT.md section 3, which servers and the client share, against known CRC-32 values. */
class ShardOfKeyTest {

    @Test
    void theShardIsTheUnsignedCrc32OfTheUtf8KeyModNShards() {
        // CRC-32("a") = 0xE8B7BE43 = 3904355907, above Integer.MAX_VALUE: it must be read unsigned.
        assertThat(ShardKeys.shardOf("a", 10)).isEqualTo(7);
        assertThat(ShardKeys.shardOf("a", 1000)).isEqualTo(907);
        // CRC-32("é") over its two UTF-8 bytes C3 A9 = 0x0E048D3E (235179326).
        assertThat(ShardKeys.shardOf("é", 1000)).isEqualTo(326);
        assertThat(new GroupState(1, 1000).shardOf("é")).isEqualTo(326);
    }

    @Test
    void nShardsMustBePositive() {
        assertThatThrownBy(() -> ShardKeys.shardOf("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
