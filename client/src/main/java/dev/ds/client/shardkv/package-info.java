/** The client of the sharded key/value store (the Clerk of 6.824 lab 4B), and the key-to-shard rule. */
package dev.ds.client.shardkv;
