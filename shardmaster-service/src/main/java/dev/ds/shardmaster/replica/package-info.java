/** One shard master replica: the state machine driven over a Paxos log, answering after apply. */
package dev.ds.shardmaster.replica;
