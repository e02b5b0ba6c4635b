/**
 * The key/value state machine that the Paxos log replicates (6.824 lab 3B): commands, their
 * deterministic application, and their results. No Spring, no I/O.
 */
package dev.ds.paxoskv.kv;
