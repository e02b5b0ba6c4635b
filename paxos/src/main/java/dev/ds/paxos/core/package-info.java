/**
 * The Paxos core: a plain state machine per peer ({@link dev.ds.paxos.core.PaxosPeer}) with no
 * Spring, no network, no clock and no randomness of its own. It talks to other peers through the
 * {@link dev.ds.paxos.core.PaxosPeers} port, runs later work through a {@link
 * dev.ds.paxos.core.Scheduler}, and keeps what must survive a crash in a {@code PaxosStorage}.
 * The same code runs on threads in a node and in the single-threaded simulator.
 */
package dev.ds.paxos.core;
