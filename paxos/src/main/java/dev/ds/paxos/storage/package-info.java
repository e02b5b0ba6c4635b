/**
 * Durable acceptor state: {@link dev.ds.paxos.storage.PaxosStorage} and its two implementations,
 * {@link dev.ds.paxos.storage.InMemoryStorage} (tests, simulator, with crash semantics) and
 * {@link dev.ds.paxos.storage.RocksDbStorage} (the on-disk default).
 */
package dev.ds.paxos.storage;
