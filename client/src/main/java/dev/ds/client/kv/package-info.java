/** The key/value client interface shared by the primary/backup, Paxos and sharded stores. */
package dev.ds.client.kv;
