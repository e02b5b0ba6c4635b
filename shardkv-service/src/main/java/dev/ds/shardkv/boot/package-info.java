/** All Spring wiring of a shardkv node: settings, the replica over the node's Paxos peer, the migrator, internal REST, health, metrics. */
package dev.ds.shardkv.boot;
