/**
 * A shardkv replica at run time: the group's state machine driven over the Paxos log, client
 * operations answered after apply or forwarded to the owning group, the internal pull and
 * confirmation handlers, and the migrator thread that polls the shard master and moves shards.
 */
package dev.ds.shardkv.replica;
