package dev.ds.rpc;

import java.util.Set;

/**
 * The 6.824 fault model of one node, exactly as the chaos API of CONTRACT.md section 8 states it.
 *
 * <p>The in-memory network applies these settings to a node just as the chaos filter applies them
 * to a running one: a request is dropped before it is executed with {@code dropRequestRate}; a
 * reply is dropped after the request was executed with {@code dropReplyRate}; every request waits
 * {@code delayMs} first; a deaf node executes nothing; calls to {@code blockedPeers} fail at once.
 */
public record Faults(
        double dropRequestRate, double dropReplyRate, long delayMs, boolean deaf, Set<String> blockedPeers) {

    public static final Faults NONE = new Faults(0, 0, 0, false, Set.of());

    /** The "unreliable" switch of the 6.824 labs: 10% of requests and 20% of replies are lost. */
    public static final Faults UNRELIABLE = new Faults(0.1, 0.2, 0, false, Set.of());

    public Faults {
        requireRate("dropRequestRate", dropRequestRate);
        requireRate("dropReplyRate", dropReplyRate);
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs must be >= 0, was " + delayMs);
        }
        blockedPeers = blockedPeers == null ? Set.of() : Set.copyOf(blockedPeers);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }

    public Faults withBlockedPeers(Set<String> peers) {
        return new Faults(dropRequestRate, dropReplyRate, delayMs, deaf, peers);
    }

    public Faults withDeaf(boolean isDeaf) {
        return new Faults(dropRequestRate, dropReplyRate, delayMs, isDeaf, blockedPeers);
    }

    public Faults withDrops(double requestRate, double replyRate) {
        return new Faults(requestRate, replyRate, delayMs, deaf, blockedPeers);
    }

    public Faults withDelayMs(long delay) {
        return new Faults(dropRequestRate, dropReplyRate, delay, deaf, blockedPeers);
    }
}
