package dev.ds.chaos.node;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/** The chaos API of CONTRACT.md section 8 on a running node: replace or clear its fault settings. */
public final class ChaosApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ChaosApi() {
    }

    /** Cuts {@code node}'s outbound requests to {@code peers}. */
    public static void block(NodeProcess node, Collection<NodeProcess> peers) {
        String urls = peers.stream().map(peer -> '"' + peer.url() + '"').collect(Collectors.joining(","));
        put(node, "{\"blockedPeers\": [" + urls + "]}");
    }

    /** Loses requests and replies at these rates, as 6.824's unreliable network. */
    public static void unreliable(NodeProcess node, double dropRequestRate, double dropReplyRate) {
        put(node, "{\"dropRequestRate\": " + dropRequestRate + ", \"dropReplyRate\": " + dropReplyRate + "}");
    }

    public static void delay(NodeProcess node, long delayMs) {
        put(node, "{\"delayMs\": " + delayMs + "}");
    }

    public static void deaf(NodeProcess node) {
        put(node, "{\"deaf\": true}");
    }

    /** Clears every fault; a node that is down has none to clear. */
    public static void clear(NodeProcess node) {
        if (node.running() && !node.paused()) {
            NodeHttp.send("DELETE", node.url() + "/admin/chaos", null, null, TIMEOUT);
        }
    }

    private static void put(NodeProcess node, String json) {
        if (node.running() && !node.paused()) {
            NodeHttp.Answer answer = NodeHttp.json("PUT", node.url() + "/admin/chaos", json, TIMEOUT);
            if (answer.answered() && answer.status() != 200) {
                throw new IllegalStateException(node + " refused chaos settings " + json + ": " + answer);
            }
        }
    }
}
