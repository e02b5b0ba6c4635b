/**
 * A deterministic simulator for Paxos groups, in the manner of TigerBeetle's: one thread, one
 * seeded event queue ({@link dev.ds.paxos.sim.EventLoop}) and simulated time; a network ({@link
 * dev.ds.paxos.sim.SimNetwork}) that delays, reorders, drops, duplicates and partitions; and nodes
 * ({@link dev.ds.paxos.sim.SimNode}) that crash, restart on their storage, or lose it. The real
 * core runs unchanged inside it, driven by this module's tests with Paxos's checks (no two peers
 * decide differently; after a heal, every started instance is decided). Only tests run it, so it
 * lives in the test sources and stays out of the library's jar; {@code SimArchitectureTest} keeps
 * it under the core rules.
 */
package dev.ds.paxos.sim;
