/**
 * All Spring wiring of the Paxos library: {@link dev.ds.paxos.boot.PaxosAutoConfiguration}
 * (settings, the peer, its storage), the internal controller under {@code /internal/paxos}, the
 * {@code /actuator/paxos} endpoint, health and Micrometer metrics.
 */
package dev.ds.paxos.boot;
