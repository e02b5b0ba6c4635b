/**
 * The replicated state machine over a Paxos log (6.824 labs 3B and 4): every replica proposes the
 * commands it receives into the next free log instance until one of them is decided there, applies
 * decided instances strictly in order, and answers a command once the instance holding it has been
 * applied. A command with a client id and number is applied at most once: the table of each
 * client's latest number and result is part of the replicated state.
 *
 * <p>The core ({@link dev.ds.rsm.ReplicatedStateMachine}) has no threads and no clock: a driver
 * calls {@code tick()} while there is work. The log is a port ({@link dev.ds.rsm.Log}) that the
 * Paxos library implements; tests use a fake.
 */
package dev.ds.rsm;
