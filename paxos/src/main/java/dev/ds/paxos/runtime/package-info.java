/**
 * The Paxos core on real threads, without Spring: {@link dev.ds.paxos.runtime.PaxosNode}, its
 * {@link dev.ds.paxos.runtime.ExecutorScheduler}, and the {@link
 * dev.ds.paxos.runtime.RpcPaxosPeers} port over an {@code RpcClient}.
 */
package dev.ds.paxos.runtime;
