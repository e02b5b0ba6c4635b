/**
 * The replicated state machine of one shardkv replica group (6.824 lab 4B): its applied
 * configuration, the shards it serves, pulls and hands off, their data and per-shard at-most-once
 * tables, and the log entries that change them. Plain Java; the log, the threads and the network
 * are outside. {@link dev.ds.shardkv.group.GroupState} lists the rules.
 */
package dev.ds.shardkv.group;
