package dev.ds.paxos.api;

/**
 * What {@code GET /actuator/paxos} answers (CONTRACT.md section 8).
 *
 * @param min the lowest instance not yet forgotten
 * @param max the highest instance this peer has seen
 * @param retained instances held in memory or storage
 */
public record PaxosState(long min, long max, long retained) {
}
