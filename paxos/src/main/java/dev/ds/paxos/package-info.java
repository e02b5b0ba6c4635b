/**
 * The Paxos library (6.824 lab 3A): {@link dev.ds.paxos.Paxos}, the interface services use, over
 * the core of {@code core}, the wire protocol of {@code api}, the storage of {@code storage}, the
 * threads of {@code runtime}, the simulator of {@code sim}, and the Spring wiring of {@code boot}.
 * See this module's README.
 */
package dev.ds.paxos;
