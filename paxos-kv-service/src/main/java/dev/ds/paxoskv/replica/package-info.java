/**
 * A Paxos key/value replica at run time: the replicated state machine over the Paxos log, the
 * thread that drives it, and the bounded wait that turns "no decision yet" into {@code ErrTimeout}.
 */
package dev.ds.paxoskv.replica;
