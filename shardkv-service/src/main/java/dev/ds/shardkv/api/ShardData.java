package dev.ds.shardkv.api;

import java.util.Map;

/**
 * A shard in transit: its key/value data and its at-most-once table (each client's latest applied
 * write number), frozen when its old owner applied configuration {@code ref.configNum()}.
 */
public record ShardData(ShardRef ref, Map<String, String> data, Map<String, Long> table) {

    public ShardData {
        if (ref == null) {
            throw new IllegalArgumentException("ref: must be given");
        }
        data = data == null ? Map.of() : Map.copyOf(data);
        table = table == null ? Map.of() : Map.copyOf(table);
    }

    /** Characters in keys and values: what moving this shard costs, roughly. */
    public long bytes() {
        long bytes = 0;
        for (Map.Entry<String, String> entry : data.entrySet()) {
            bytes += entry.getKey().length() + entry.getValue().length();
        }
        return bytes;
    }
}
