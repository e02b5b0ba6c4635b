/** All Spring wiring of the shard master: settings, the replica over the node's Paxos peer, REST, health, metrics. */
package dev.ds.shardmaster.boot;
