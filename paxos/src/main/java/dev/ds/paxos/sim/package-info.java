/**
 * A deterministic simulator for Paxos groups, in the manner of TigerBeetle's: one thread, one
 * seeded event queue ({@link dev.ds.paxos.sim.EventLoop}) and simulated time; a network ({@link
 * dev.ds.paxos.sim.SimNetwork}) that delays, reorders, drops, duplicates and partitions; and nodes
 * ({@link dev.ds.paxos.sim.SimNode}) that crash, restart on their storage, or lose it. The real
 * core runs unchanged inside it. Services built on the library drive it with their own workloads
 * and checks; this module's tests drive it with Paxos's (no two peers decide differently; after a
 * heal, every started instance is decided).
 */
package dev.ds.paxos.sim;
