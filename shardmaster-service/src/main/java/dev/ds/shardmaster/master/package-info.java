/**
 * The shard master's replicated state machine (6.824 lab 4A): every configuration ever made, and
 * the log entries that make them. Plain Java; the log and the network are outside.
 */
package dev.ds.shardmaster.master;
