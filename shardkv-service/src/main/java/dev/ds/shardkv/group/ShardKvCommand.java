package dev.ds.shardkv.group;

import dev.ds.api.kv.KvWrite;
import dev.ds.api.shardmaster.Config;
import dev.ds.rsm.Entry;
import dev.ds.shardkv.api.ShardData;
import dev.ds.shardkv.api.ShardRef;

/**
 * One log entry of a shardkv group: a client's get, put or append; a reconfiguration; the install
 * of a pulled shard; the drop of a handed-off shard; or a no-op. Reads go through the log like
 * everything else, so every answer reflects every earlier decision.
 *
 * <p>It is not an {@link Entry.Numbered}: the client's id and number travel as {@code client} and
 * {@code number}, and at most once is kept per shard by {@link GroupState} (the table moves with
 * the shard, and a write refused with {@code ErrWrongGroup} must not count as applied), so the
 * replicated state machine underneath keeps no table for this log.
 *
 * @param config the next configuration, for {@link Kind#RECONFIGURE}
 * @param shard the pulled shard, for {@link Kind#INSTALL}
 * @param dropped the handed-off shard to delete, for {@link Kind#DROP}
 */
public record ShardKvCommand(String id, Kind kind, String key, String value, String client, Long number,
        Config config, ShardData shard, ShardRef dropped) implements Entry {

    public enum Kind { GET, PUT, APPEND, RECONFIGURE, INSTALL, DROP, NOOP }

    public static ShardKvCommand get(String id, String key) {
        return new ShardKvCommand(id, Kind.GET, key, null, null, null, null, null, null);
    }

    public static ShardKvCommand write(String id, KvWrite write) {
        Kind kind = switch (write.kind()) {
            case PUT -> Kind.PUT;
            case APPEND -> Kind.APPEND;
        };
        return new ShardKvCommand(id, kind, write.key(), write.value(), write.clientId(), write.seq(), null, null, null);
    }

    public static ShardKvCommand reconfigure(String id, Config next) {
        return new ShardKvCommand(id, Kind.RECONFIGURE, null, null, null, null, next, null, null);
    }

    public static ShardKvCommand install(String id, ShardData shard) {
        return new ShardKvCommand(id, Kind.INSTALL, null, null, null, null, null, shard, null);
    }

    public static ShardKvCommand drop(String id, ShardRef handedOff) {
        return new ShardKvCommand(id, Kind.DROP, null, null, null, null, null, null, handedOff);
    }

    public static ShardKvCommand noop(String id) {
        return new ShardKvCommand(id, Kind.NOOP, null, null, null, null, null, null, null);
    }

    @Override
    public boolean isNoop() {
        return kind == Kind.NOOP;
    }
}
