package dev.ds.dsctl;

import dev.ds.rpc.Faults;
import dev.ds.rpc.Wire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads what a node says about itself: {@code /actuator/health} (its role and protocol state in the
 * details), {@code /actuator/health/readiness}, and {@code /admin/chaos} where the chaos API is on.
 * A health document is read whatever its HTTP status (503 for DOWN or OUT_OF_SERVICE still carries
 * the details); a node that does not answer is simply unreachable.
 */
final class NodeProbe {

    private final HttpClient http;
    private final Duration timeout;
    private final String secret;

    NodeProbe(Duration timeout, String secret) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.secret = secret == null || secret.isBlank() ? null : secret;
    }

    /** A node's role, and for shardkv its gid, from the health indicators it has. */
    record Identity(String role, Long gid) { }

    /** What one round of questions to a node found; {@code health} is missing when it did not answer. */
    record Seen(JsonNode health, JsonNode readiness, Optional<Faults> faults) {

        boolean reachable() {
            return !health.isMissingNode();
        }

        String status() {
            return reachable() ? health.path("status").asString("UNKNOWN") : "DOWN";
        }

        String ready() {
            return readiness.isMissingNode() ? "DOWN" : readiness.path("status").asString("UNKNOWN");
        }

        /** The details of one health component: {@code paxos}, {@code paxosKv}, {@code shardKv}, ... */
        JsonNode details(String component) {
            return health.path("components").path(component).path("details");
        }

        /** Why readiness says no, when it does. */
        String notReadyReason() {
            return readiness.path("components").path("serving").path("details").path("reason").asString("");
        }
    }

    Seen look(String url) {
        JsonNode health = json(url + "/actuator/health");
        JsonNode readiness = health.isMissingNode() ? MissingNode.getInstance()
                : json(url + "/actuator/health/readiness");
        Optional<Faults> faults = Optional.empty();
        if (!health.isMissingNode()) {
            faults = get(url + "/admin/chaos", true).filter(r -> r.statusCode() == 200)
                    .map(r -> Wire.mapper().readValue(r.body(), Faults.class));
        }
        return new Seen(health, readiness, faults);
    }

    Identity identify(String url) {
        JsonNode components = json(url + "/actuator/health").path("components");
        if (components.isMissingNode()) {
            throw new Dsctl.UsageException("--nodes: " + url + " does not answer /actuator/health");
        }
        return identify(components);
    }

    static Identity identify(JsonNode components) {
        if (components.has("viewService")) {
            return new Identity("viewservice", null);
        }
        if (components.has("pbServer")) {
            return new Identity("pbserver", null);
        }
        if (components.has("paxosKv")) {
            return new Identity("paxos-kv", null);
        }
        if (components.has("shardMaster")) {
            return new Identity("shardmaster", null);
        }
        if (components.has("shardKv")) {
            return new Identity("shardkv", components.path("shardKv").path("details").path("gid").asLong());
        }
        String mapreduce = components.path("mapreduce").path("details").path("role").asString("");
        return new Identity(mapreduce.isEmpty() ? "unknown" : mapreduce, null);
    }

    private JsonNode json(String url) {
        return get(url, false).map(r -> {
            try {
                return Wire.mapper().readTree(r.body());
            } catch (JacksonException e) {
                return (JsonNode) MissingNode.getInstance();
            }
        }).orElse(MissingNode.getInstance());
    }

    private Optional<HttpResponse<String>> get(String url, boolean admin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (admin && secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        try {
            return Optional.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
