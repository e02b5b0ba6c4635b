package dev.ds.chaos.fuzz;

import dev.ds.chaos.check.Finding;
import dev.ds.chaos.node.NodeHttp;
import dev.ds.chaos.node.NodeProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pass over every public endpoint of every role with bad input: malformed and truncated JSON,
 * wrong types, huge and deeply nested bodies, empty, unicode and percent-encoded keys, wrong methods
 * and content types. Every answer must be a success or a 4xx {@code application/problem+json} with
 * a {@code code}; never a 5xx, never silence within the deadline; afterwards the node is healthy.
 */
public final class Fuzzer {

    public static final String CHECK = "fuzz: every answer a success or a 4xx problem with a code";

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    /** Bodies for any JSON endpoint. */
    private static final List<String> BODIES = List.of("", "{", "{\"value\":", "null", "[]", "42", "\"text\"", "{}",
            "{\"value\": 5}", "{\"value\": {}}", "{\"value\": null}", "{\"value\": \"x\", \"seq\": \"abc\"}",
            "{\"value\": \"x\", \"clientId\": \"c\", \"seq\": -1}", "{\"value\": \"x\", \"clientId\": \"\", \"seq\": 1}",
            "{\"value\": \"x\", \"clientId\": \"" + "c".repeat(200) + "\", \"seq\": 1}",
            "{\"value\": \"x\", \"clientId\": \"c\", \"seq\": 1e400}",
            "{\"value\": \"x\", \"clientId\": \"c\", \"seq\": 9223372036854775808}",
            "{\"server\": null, \"viewnum\": 0}", "{\"server\": \"not a url\", \"viewnum\": -1}",
            "{\"server\": 7, \"viewnum\": \"x\"}", "{\"gid\": -1}", "{\"gid\": \"100\"}", "{\"gid\": 1e400}",
            "{\"gid\": 5, \"servers\": null}", "{\"gid\": 5, \"servers\": [null]}", "{\"gid\": 5, \"servers\": \"x\"}",
            "{\"shard\": 99999, \"gid\": 100}", "{\"shard\": -1, \"gid\": 100}", "{\"shard\": 0, \"gid\": 999999}",
            "{\"app\": null}", "{\"app\": \"wordcount\", \"inputs\": \"x\", \"nReduce\": 1, \"outputDir\": \"/tmp\"}",
            "{\"app\": \"wordcount\", \"inputs\": [\"/etc/passwd\"], \"nReduce\": 0, \"outputDir\": \"/tmp\"}",
            "{\"app\": \"nope\", \"inputs\": [], \"nReduce\": -5, \"outputDir\": null}",
            "[".repeat(5000) + "]".repeat(5000), "{\"value\": \"\\ud800\"}", "{\"value\": \"x\"} trailing");

    /** Keys, as they appear in the URL path. */
    private static final List<String> KEYS = List.of("%20", "%25", "%2F", "a%2Fb", "%5C", "a;b", "%3B",
            "%C3%BCn%C3%AFc%C3%B8d%C3%A9", "%F0%9F%92%A9", "..", "%2E%2E", "%00", "%FF", "k".repeat(3000), "%",
            "a%2", "~!$&'()*+,=@");

    private final List<String> problems = new ArrayList<>();
    private int requests;

    /** Fuzzes {@code nodes}, each with the role named by its value. */
    public Finding run(Map<NodeProcess, Role> nodes) {
        nodes.forEach((node, role) -> {
            for (Endpoint endpoint : role.endpoints()) {
                fuzz(node, endpoint);
            }
            chaos(node);
            NodeHttp.Answer health = NodeHttp.get(node.url() + "/actuator/health", DEADLINE);
            if (health.status() != 200 || !health.body().contains("\"UP\"")) {
                problems.add(node.name() + " is not healthy after the fuzz pass: " + health.status() + " " + health.body());
            }
        });
        String detail = requests + " requests to " + nodes.size() + " nodes";
        if (problems.isEmpty()) {
            return Finding.pass("all", CHECK, detail);
        }
        return new Finding("all", CHECK, Finding.Status.VIOLATION, detail + "\n"
                + String.join("\n", problems.subList(0, Math.min(40, problems.size()))), Set.of());
    }

    public int requests() {
        return requests;
    }

    /** A role's public endpoints: a path (with {key} or {id} filled by the fuzzer) and its method. */
    public record Endpoint(String method, String path, boolean takesBody) {
    }

    /** The roles and their endpoints (CONTRACT.md sections 3 to 6). */
    public enum Role {
        KV(List.of(new Endpoint("GET", "/api/kv/{key}", false), new Endpoint("PUT", "/api/kv/{key}", true),
                new Endpoint("POST", "/api/kv/{key}/append", true))),
        VIEWSERVICE(List.of(new Endpoint("POST", "/api/viewservice/ping", true),
                new Endpoint("GET", "/api/viewservice/view", false))),
        SHARDMASTER(List.of(new Endpoint("POST", "/api/shardmaster/join", true),
                new Endpoint("POST", "/api/shardmaster/leave", true), new Endpoint("POST", "/api/shardmaster/move", true),
                new Endpoint("GET", "/api/shardmaster/config", false),
                new Endpoint("GET", "/api/shardmaster/config/{id}", false),
                new Endpoint("GET", "/api/shardmaster/config?after={id}&waitMs={id}", false))),
        MAPREDUCE(List.of(new Endpoint("POST", "/api/jobs", true), new Endpoint("GET", "/api/jobs", false),
                new Endpoint("GET", "/api/jobs/{id}", false), new Endpoint("GET", "/api/workers", false)));

        private final List<Endpoint> endpoints;

        Role(List<Endpoint> endpoints) {
            this.endpoints = endpoints;
        }

        public List<Endpoint> endpoints() {
            return endpoints;
        }
    }

    private static final List<String> IDS = List.of("-1", "abc", "99999999999999999999", "1.5", "%20", "0", "1");

    private void fuzz(NodeProcess node, Endpoint endpoint) {
        List<String> paths = new ArrayList<>();
        if (endpoint.path().contains("{key}")) {
            KEYS.forEach(key -> paths.add(endpoint.path().replace("{key}", key)));
        } else if (endpoint.path().contains("{id}")) {
            IDS.forEach(id -> paths.add(endpoint.path().replace("{id}", id)));
        } else {
            paths.add(endpoint.path());
        }
        for (String path : paths) {
            send(node, endpoint.method(), path, endpoint.takesBody() ? "{\"value\": \"fuzz\"}" : null, "application/json");
        }
        String path = paths.get(0);
        if (endpoint.takesBody()) {
            for (String body : BODIES) {
                send(node, endpoint.method(), path, body, "application/json");
            }
            send(node, endpoint.method(), path, "{\"value\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}", "application/json");
            sendBytes(node, endpoint.method(), path, new byte[] {'{', '"', 'v', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
            for (String type : List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                    "multipart/form-data", "")) {
                send(node, endpoint.method(), path, "{\"value\": \"x\"}", type.isEmpty() ? null : type);
            }
        }
        for (String method : List.of("GET", "PUT", "POST", "DELETE", "PATCH")) {
            if (!method.equals(endpoint.method())) {
                send(node, method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}", "application/json");
            }
        }
    }

    /** The chaos API takes bad settings too; good ones would fault the node, so only bad ones are sent. */
    private void chaos(NodeProcess node) {
        for (String body : List.of("", "{", "null", "[]", "{\"dropRequestRate\": 2}", "{\"delayMs\": -1}",
                "{\"delayMs\": \"soon\"}", "{\"blockedPeers\": [null]}", "{\"blockedPeers\": 5}", "{\"deaf\": \"yes\"}")) {
            send(node, "PUT", "/admin/chaos", body, "application/json");
        }
        NodeHttp.send("DELETE", node.url() + "/admin/chaos", null, null, DEADLINE);
    }

    private void send(NodeProcess node, String method, String path, String body, String contentType) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        request(node, method, path, bytes, contentType, body == null ? "" : abbreviate(body));
    }

    private void sendBytes(NodeProcess node, String method, String path, byte[] body) {
        request(node, method, path, body, "application/json", "invalid UTF-8");
    }

    private void request(NodeProcess node, String method, String path, byte[] body, String contentType, String what) {
        requests++;
        NodeHttp.Answer answer;
        try {
            answer = NodeHttp.send(method, node.url() + path, body, contentType, DEADLINE);
        } catch (IllegalArgumentException e) {
            return; // Not a URL the HTTP client will send (a raw % sequence): nothing reached the node.
        }
        String request = node.name() + ": " + method + " " + abbreviate(path) + " [" + contentType + "] " + what;
        if (!answer.answered()) {
            problems.add(request + " -> no answer within " + DEADLINE.toSeconds() + " s");
        } else if (answer.status() >= 500) {
            problems.add(request + " -> " + answer.status() + " " + abbreviate(answer.body()));
        } else if (answer.status() >= 400 && (!answer.contentType().startsWith("application/problem+json")
                || !answer.body().contains("\"code\""))) {
            problems.add(request + " -> " + answer.status() + " without a problem code: " + answer.contentType() + " "
                    + abbreviate(answer.body()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "...(" + text.length() + " chars)" : text;
    }
}
