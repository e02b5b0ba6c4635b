package dev.ds.chaos.node;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the nodes live and how the nemesis reaches their wires. {@link Loopback} puts every node on
 * 127.0.0.1 and has no wires of its own (faults go through the chaos API); {@link Namespaces} puts
 * each node in its own network namespace on a bridge, where packets can be dropped, delayed,
 * duplicated and reordered by the kernel.
 */
public interface Network extends AutoCloseable {

    /** Prepares the place of node number {@code index} (0-based, in creation order) and answers its address. */
    String host(int index);

    /** What a node's java command runs under. */
    List<String> launcher(int index);

    /** Whether this network can fault packets itself (else only the chaos API can). */
    boolean packetFaults();

    /** Whether {@link #degrade} can delay (and so reorder) packets: the kernel has {@code sch_netem}. */
    default boolean delays() {
        return false;
    }

    /** Drops every packet from each key node to each of its value nodes, replacing earlier drops. */
    void drop(Map<NodeProcess, Set<NodeProcess>> cut);

    /** Loss and duplication (and delay and reordering where the kernel has netem) on every packet these nodes send. */
    void degrade(List<NodeProcess> nodes, Degradation degradation);

    /**
     * A bad network link.
     *
     * @param lossPercent packets lost
     * @param duplicatePercent packets sent twice
     * @param delayMs added latency, with {@code delayMs / 4} jitter, which reorders packets (netem only)
     */
    record Degradation(int lossPercent, int duplicatePercent, int delayMs) {

        @Override
        public String toString() {
            return "loss " + lossPercent + "%, duplicate " + duplicatePercent + "%"
                    + (delayMs > 0 ? ", delay " + delayMs + "ms" : "");
        }
    }

    /** Clears every packet fault. */
    void heal(List<NodeProcess> nodes);

    @Override
    void close();

    /** Every node on 127.0.0.1; packet faults are not available. */
    final class Loopback implements Network {

        @Override
        public String host(int index) {
            return "127.0.0.1";
        }

        @Override
        public List<String> launcher(int index) {
            return List.of();
        }

        @Override
        public boolean packetFaults() {
            return false;
        }

        @Override
        public void drop(Map<NodeProcess, Set<NodeProcess>> cut) {
            throw new UnsupportedOperationException("packet faults need --netns");
        }

        @Override
        public void degrade(List<NodeProcess> nodes, Degradation degradation) {
            throw new UnsupportedOperationException("packet faults need --netns");
        }

        @Override
        public void heal(List<NodeProcess> nodes) {
        }

        @Override
        public void close() {
        }
    }
}
