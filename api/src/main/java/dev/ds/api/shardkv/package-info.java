/**
 * What the sharded key/value store's clients and servers agree on beyond the key/value API: the
 * shard of a key ({@link dev.ds.api.shardkv.ShardKeys}, CONTRACT.md section 3). Clients route by it
 * and a group's state machine checks ownership by it, so it lives once, here.
 */
package dev.ds.api.shardkv;
