package dev.ds.api.shardkv;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The shard of a key (CONTRACT.md section 3): {@code CRC32(UTF-8 bytes of key) mod NShards}, the
 * CRC read as unsigned. Clients route with it and servers check ownership with it, so it lives once.
 */
public final class ShardKeys {

    private ShardKeys() {
    }

    public static int shardOf(String key, int nShards) {
        if (nShards < 1) {
            throw new IllegalArgumentException("nShards: must be at least 1, was " + nShards);
        }
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % nShards);
    }
}
