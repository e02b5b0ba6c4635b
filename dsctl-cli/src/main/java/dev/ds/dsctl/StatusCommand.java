package dev.ds.dsctl;

import dev.ds.rpc.Faults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code dsctl status}: one table of every node of the topology. Each node is asked at once for its
 * health, readiness and faults; the lag of a Paxos replica is how many log instances it has applied
 * fewer than the most advanced member of its group, and of a pb server how many views it is behind
 * the view service. Paxos as in 6.824 has no leader (any replica proposes), so only the view service
 * and the pb servers fill the PRIMARY column.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "One table of every node: role, health, readiness, primary, applied instance/view/"
                + "configuration, lag, faults. Exit 5 when any node is down, not ready or faulty.")
final class StatusCommand implements Callable<Integer> {

    private static final Map<String, String> REPLICATED = Map.of(
            "paxos-kv", "paxosKv", "shardmaster", "shardMaster", "shardkv", "shardKv");

    @ParentCommand
    Dsctl root;

    /** One line of the table. */
    record Row(String name, String role, String group, String url, String health, String ready, String primary,
            String applied, Long lag, String faults, String note) {

        /**
         * Up, ready and without faults. A pb server that is not primary is never ready (it serves no
         * client), which is as it should be.
         */
        boolean fine() {
            boolean readyAsItShould = "UP".equals(ready) || "pbserver".equals(role) && !"primary".equals(primary);
            return "UP".equals(health) && readyAsItShould && faults.isEmpty();
        }
    }

    @Override
    public Integer call() throws Exception {
        Topology topology = root.topology();
        Map<Topology.Node, NodeProbe.Seen> seen = lookAtAll(topology);
        List<Row> rows = rows(topology, seen);
        if (root.json()) {
            Table.json(root.out(), rows);
        } else {
            Table table = new Table("NAME", "ROLE", "HEALTH", "READY", "PRIMARY", "APPLIED", "LAG", "FAULTS", "NOTE");
            rows.forEach(r -> table.row(r.name(), r.group(), r.health(), r.ready(), r.primary(), r.applied(),
                    r.lag() == null ? "" : r.lag(), r.faults(), r.note()));
            table.print(root.out());
        }
        return rows.stream().allMatch(Row::fine) ? ExitCodes.OK : ExitCodes.UNHEALTHY;
    }

    private Map<Topology.Node, NodeProbe.Seen> lookAtAll(Topology topology) throws Exception {
        NodeProbe probe = root.probe();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, topology.nodes().size()));
        try {
            Map<Topology.Node, Future<NodeProbe.Seen>> futures = new LinkedHashMap<>();
            topology.nodes().forEach(n -> futures.put(n, pool.submit(() -> probe.look(n.url()))));
            Map<Topology.Node, NodeProbe.Seen> seen = new LinkedHashMap<>();
            for (Map.Entry<Topology.Node, Future<NodeProbe.Seen>> f : futures.entrySet()) {
                seen.put(f.getKey(), f.getValue().get());
            }
            return seen;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Row> rows(Topology topology, Map<Topology.Node, NodeProbe.Seen> seen) {
        Map<String, Long> mostApplied = new LinkedHashMap<>();
        Long viewnum = null;
        for (Map.Entry<Topology.Node, NodeProbe.Seen> e : seen.entrySet()) {
            applied(e.getKey(), e.getValue()).ifPresent(a -> mostApplied.merge(e.getKey().group(), a, Math::max));
            if ("viewservice".equals(e.getKey().role()) && e.getValue().reachable()) {
                viewnum = e.getValue().details("viewService").path("viewnum").asLong();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Topology.Node, NodeProbe.Seen> e : seen.entrySet()) {
            rows.add(row(topology, e.getKey(), e.getValue(), mostApplied, viewnum));
        }
        return rows;
    }

    private static Row row(Topology topology, Topology.Node node, NodeProbe.Seen seen, Map<String, Long> mostApplied,
            Long viewnum) {
        String primary = "";
        String applied = "";
        Long lag = null;
        String note = seen.reachable() ? seen.notReadyReason() : "no answer";
        if (seen.reachable()) {
            switch (node.role()) {
                case "viewservice" -> {
                    JsonNode view = seen.details("viewService");
                    primary = topology.nameOf(nullIfNone(view.path("primary").asString("none")));
                    applied = "view " + view.path("viewnum").asLong();
                }
                case "pbserver" -> {
                    JsonNode pb = seen.details("pbServer");
                    primary = pb.path("role").asString("");
                    applied = "view " + pb.path("viewnum").asLong();
                    lag = viewnum == null ? null : Math.max(0, viewnum - pb.path("viewnum").asLong());
                }
                case "coordinator" -> {
                    JsonNode mr = seen.details("mapreduce");
                    applied = mr.path("jobsRunning").asLong() + " jobs running";
                    note = note.isEmpty() ? mr.path("workersAlive").asLong() + " workers alive" : note;
                }
                case "worker" -> applied = seen.details("mapreduce").path("currentTask").asString("");
                default -> {
                    Optional<Long> mine = applied(node, seen);
                    if (mine.isPresent()) {
                        applied = "instance " + mine.get();
                        lag = mostApplied.get(node.group()) - mine.get();
                    }
                    if ("shardkv".equals(node.role())) {
                        JsonNode shardKv = seen.details("shardKv");
                        applied += ", config " + shardKv.path("config").asLong();
                        note = moving(shardKv, note);
                    }
                    if (note.isEmpty()) {
                        note = "reaches " + seen.details("paxos").path("reachable").asString("?");
                    }
                }
            }
        }
        String faults = seen.faults().map(f -> describe(topology, f)).orElse("");
        return new Row(node.name(), node.role(), node.group(), node.url(), seen.status(), seen.ready(), primary,
                applied, lag, faults, note);
    }

    /** Shards on the move at a shardkv node, before anything else the note says. */
    private static String moving(JsonNode shardKv, String note) {
        List<String> parts = new ArrayList<>();
        if (!shardKv.path("pulling").isEmpty()) {
            parts.add("pulling shards " + shardKv.path("pulling"));
        }
        if (!shardKv.path("handingOff").isEmpty()) {
            parts.add("handing off " + shardKv.path("handingOff"));
        }
        parts.add(note);
        return String.join("; ", parts.stream().filter(p -> !p.isEmpty()).toList());
    }

    /** The applied log instance of a Paxos-replicated node, when it is one and answered. */
    private static Optional<Long> applied(Topology.Node node, NodeProbe.Seen seen) {
        String component = REPLICATED.get(node.role());
        if (component == null || !seen.reachable()) {
            return Optional.empty();
        }
        JsonNode applied = seen.details(component).path("applied");
        return applied.isMissingNode() ? Optional.empty() : Optional.of(applied.asLong());
    }

    /** A node's faults in a few words, peers by name. */
    static String describe(Topology topology, Faults faults) {
        List<String> parts = new ArrayList<>();
        if (!faults.blockedPeers().isEmpty()) {
            parts.add("cut off from " + String.join(",", faults.blockedPeers().stream().map(topology::nameOf)
                    .sorted().toList()));
        }
        if (faults.dropRequestRate() > 0 || faults.dropReplyRate() > 0) {
            parts.add(String.format("unreliable (drops %.0f%% of requests, %.0f%% of replies)",
                    faults.dropRequestRate() * 100, faults.dropReplyRate() * 100));
        }
        if (faults.delayMs() > 0) {
            parts.add("delay " + faults.delayMs() + " ms");
        }
        if (faults.deaf()) {
            parts.add("deaf");
        }
        return String.join("; ", parts);
    }

    private static String nullIfNone(String url) {
        return "none".equals(url) ? null : url;
    }
}
