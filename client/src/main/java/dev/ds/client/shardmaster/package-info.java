/** The shard master's client (the Clerk of 6.824 lab 4A). */
package dev.ds.client.shardmaster;
