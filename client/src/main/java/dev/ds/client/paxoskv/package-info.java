/** The client of the Paxos-replicated key/value store. */
package dev.ds.client.paxoskv;
