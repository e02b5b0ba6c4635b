package dev.ds.shardkv.api;

import dev.ds.api.kv.KeyRef;
import dev.ds.api.kv.KvValue;
import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteResult;
import dev.ds.rpc.Endpoint;

/** The internal endpoints of shardkv nodes; see this package's description for the protocol. */
public final class ShardKvApi {

    /** A frozen shard from its old owner; {@code ErrNotReady} until the old owner has applied the configuration. */
    public static final Endpoint<ShardRef, ShardData> PULL =
            Endpoint.post("shardkv.pull", "/internal/shardkv/pull", ShardRef.class, ShardData.class);

    /** Whether the new owner has installed a shard handed off to it. */
    public static final Endpoint<ShardRef, Installed> INSTALLED =
            Endpoint.post("shardkv.installed", "/internal/shardkv/installed", ShardRef.class, Installed.class);

    /** A forwarded read: answered by the owner, never forwarded again. */
    public static final Endpoint<KeyRef, KvValue> GET =
            Endpoint.post("shardkv.get", "/internal/shardkv/get", KeyRef.class, KvValue.class);

    /** A forwarded put or append: applied by the owner, never forwarded again. */
    public static final Endpoint<KvWrite, WriteResult> WRITE =
            Endpoint.post("shardkv.write", "/internal/shardkv/write", KvWrite.class, WriteResult.class);

    private ShardKvApi() {
    }
}
