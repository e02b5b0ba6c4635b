/**
 * The node-to-node protocol of the sharded key/value store (6.824 lab 4B). The client API is the
 * key/value API of CONTRACT.md section 3 ({@code dev.ds.api.kv}); these endpoints live under
 * {@code /internal/shardkv} and are for the replica groups only.
 *
 * <p><b>Pull.</b> A group that gains shard s in configuration n asks the group that owned s in
 * configuration n-1 for it ({@link dev.ds.shardkv.api.ShardKvApi#PULL}, a {@link
 * dev.ds.shardkv.api.ShardRef}). The old owner answers only once it has applied configuration n,
 * because only then is s frozen there: the answer ({@link dev.ds.shardkv.api.ShardData}) is the
 * shard's data and its at-most-once table as they stood when the old owner stopped serving s, the
 * same at every replica of the old group. Earlier, it answers {@code ErrNotReady}.
 *
 * <p><b>Installed.</b> The old owner keeps the frozen copy until the new owner confirms that it
 * installed it ({@link dev.ds.shardkv.api.ShardKvApi#INSTALLED}); then it deletes it through its
 * own log. A new owner confirms once it has applied the install, or any later configuration.
 *
 * <p><b>Forwarding.</b> A node asked for a key of a shard its group does not serve passes the
 * request on to the owner's servers with {@link dev.ds.shardkv.api.ShardKvApi#GET} or {@link
 * dev.ds.shardkv.api.ShardKvApi#WRITE}, which never forward again: they answer the key or {@code
 * ErrWrongGroup} (with {@code shard} and {@code gid}).
 */
package dev.ds.shardkv.api;
