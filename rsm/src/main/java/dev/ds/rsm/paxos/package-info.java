/** The replicated state machine's log, implemented by the Paxos library. */
package dev.ds.rsm.paxos;
