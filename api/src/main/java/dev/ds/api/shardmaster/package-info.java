/**
 * The shard master protocol (6.824 lab 4A; CONTRACT.md section 5).
 *
 * <p>The shard master keeps a numbered sequence of {@link dev.ds.api.shardmaster.Config}urations.
 * Each says which replica group (gid) serves each of the NShards shards, and which servers each
 * group has. Configuration 0 has no groups and every shard unassigned (gid 0). Join adds a group,
 * Leave removes one, and both rebalance so that shard counts per group differ by at most one while
 * moving as few shards as possible; Move assigns one shard to one group. Each change makes the
 * next configuration; joining a present gid or leaving an absent one changes nothing.
 */
package dev.ds.api.shardmaster;
