package dev.ds.dsctl;

import dev.ds.rpc.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * The nodes of a running system by name: {@code {"nodes": [{"name", "role", "url", "gid"}]}}, as
 * {@code scripts/run-local.sh} writes it to {@code run/topology.json}. Roles are {@code viewservice},
 * {@code pbserver}, {@code paxos-kv}, {@code shardmaster}, {@code shardkv} (with its {@code gid}),
 * {@code coordinator} and {@code worker}.
 */
record Topology(List<Node> nodes) {

    static final String DEFAULT_FILE = "run/topology.json";

    /** One node: its name, role, base URL and, for shardkv, its replica group. */
    record Node(String name, String role, String url, Long gid) {

        /** The replica group a node belongs to: its role, and for shardkv its gid too. */
        String group() {
            return gid == null ? role : role + "-" + gid;
        }
    }

    Topology {
        nodes = List.copyOf(nodes);
    }

    /** The file to read: the one given, else {@code $DSCTL_TOPOLOGY}, else {@code run/topology.json}. */
    static Path file(Path given) {
        if (given != null) {
            return given;
        }
        String env = System.getenv("DSCTL_TOPOLOGY");
        return Path.of(env == null || env.isBlank() ? DEFAULT_FILE : env);
    }

    static Topology load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Dsctl.UsageException("no topology file at " + file.toAbsolutePath()
                    + ": start the system with scripts/run-local.sh, or name nodes with --nodes");
        }
        try {
            Topology topology = Wire.mapper().readValue(file.toFile(), Topology.class);
            if (topology.nodes == null || topology.nodes.isEmpty()) {
                throw new Dsctl.UsageException("topology file " + file + " lists no nodes");
            }
            return topology;
        } catch (JacksonException e) {
            throw new Dsctl.UsageException("topology file " + file + " is not valid: " + e.getOriginalMessage());
        }
    }

    /** Nodes given as {@code [NAME=]URL}; each node's role (and gid) is read from its health. */
    static Topology ofNodes(List<String> specs, NodeProbe probe) {
        List<Node> nodes = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String url = stripSlash(eq < 0 ? spec : spec.substring(eq + 1));
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new Dsctl.UsageException("--nodes: '" + spec + "' is not [NAME=]http://HOST:PORT");
            }
            String name = eq < 0 ? url.replaceFirst("^https?://", "") : spec.substring(0, eq);
            NodeProbe.Identity identity = probe.identify(url);
            nodes.add(new Node(name, identity.role(), url, identity.gid()));
        }
        return new Topology(nodes);
    }

    /** The node named {@code nameOrUrl}, or one made up for a URL not in the topology. */
    Node node(String nameOrUrl) {
        for (Node node : nodes) {
            if (node.name().equals(nameOrUrl) || node.url().equals(stripSlash(nameOrUrl))) {
                return node;
            }
        }
        if (nameOrUrl.startsWith("http://") || nameOrUrl.startsWith("https://")) {
            return new Node(nameOrUrl, "unknown", stripSlash(nameOrUrl), null);
        }
        throw new Dsctl.UsageException("no node named '" + nameOrUrl + "'; nodes: "
                + String.join(" ", nodes.stream().map(Node::name).toList()));
    }

    List<Node> withRole(String role) {
        return nodes.stream().filter(n -> role.equals(n.role())).toList();
    }

    /** The base URLs of every node of {@code role}; a usage error when there is none. */
    List<String> urls(String role) {
        List<String> urls = withRole(role).stream().map(Node::url).toList();
        if (urls.isEmpty()) {
            throw new Dsctl.UsageException("the topology has no " + role + " node");
        }
        return urls;
    }

    /** The name of the node at {@code url}, or the URL itself when no node of the topology has it. */
    String nameOf(String url) {
        if (url == null) {
            return "none";
        }
        return nodes.stream().filter(n -> n.url().equals(stripSlash(url))).map(Node::name).findFirst().orElse(url);
    }

    Optional<Node> byUrl(String url) {
        return nodes.stream().filter(n -> n.url().equals(stripSlash(url))).findFirst();
    }

    /** Nodes grouped by replica group, in topology order. */
    Map<String, List<Node>> groups() {
        Map<String, List<Node>> groups = new LinkedHashMap<>();
        nodes.forEach(n -> groups.computeIfAbsent(n.group(), g -> new ArrayList<>()).add(n));
        return groups;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
