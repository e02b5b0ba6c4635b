/**
 * Configuration changes of the shard master: Join, Leave and Move, and the rebalancing they need.
 * Pure and deterministic, so every replica that applies the same operations to the same
 * configuration computes the same result.
 */
package dev.ds.shardmaster.rebalance;
