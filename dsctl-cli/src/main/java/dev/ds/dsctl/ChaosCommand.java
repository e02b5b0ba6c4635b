package dev.ds.dsctl;

import dev.ds.client.NoReplyException;
import dev.ds.client.chaos.ChaosClient;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.Faults;
import dev.ds.rpc.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dsctl chaos}: the 6.824 faults by node name, through each node's chaos API. A partition
 * sets {@code blockedPeers} on both sides, as the contract says a partition is made; other fault
 * settings of a node are kept when its peers change.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Break the cluster on purpose: partition, isolate, make unreliable, heal. Nodes need "
                + "chaos.enabled=true (run-local.sh sets it); give the cluster secret with --secret if there is one.")
final class ChaosCommand {

    @ParentCommand
    Dsctl root;

    @Command(name = "partition", description = "Split nodes into SIDEs that only talk among themselves, e.g. "
            + "'partition paxos-kv-0 paxos-kv-1,paxos-kv-2'. Nodes not named are untouched.")
    int partition(@Parameters(paramLabel = "SIDE", arity = "2..*", description = "comma-separated node names")
            List<String> sides) {
        List<List<Topology.Node>> groups = new ArrayList<>();
        for (String side : sides) {
            groups.add(List.of(side.split(",")).stream().map(root.topology()::node).toList());
        }
        Map<Topology.Node, UnaryOperator<Faults>> changes = new LinkedHashMap<>();
        for (List<Topology.Node> group : groups) {
            Set<String> others = new HashSet<>();
            groups.stream().filter(g -> g != group).flatMap(List::stream).forEach(n -> others.add(n.url()));
            group.forEach(n -> changes.put(n, f -> f.withBlockedPeers(others)));
        }
        return apply(changes);
    }

    @Command(name = "isolate", description = "Cut NODE off from every other node of the topology, both ways.")
    int isolate(@Parameters(paramLabel = "NODE") String name) {
        Topology.Node isolated = root.topology().node(name);
        Map<Topology.Node, UnaryOperator<Faults>> changes = new LinkedHashMap<>();
        Set<String> everyoneElse = new HashSet<>();
        for (Topology.Node other : root.topology().nodes()) {
            if (!other.equals(isolated)) {
                everyoneElse.add(other.url());
                changes.put(other, f -> f.withBlockedPeers(plus(f.blockedPeers(), isolated.url())));
            }
        }
        changes.put(isolated, f -> f.withBlockedPeers(everyoneElse));
        return apply(changes);
    }

    @Command(name = "unreliable", description = "Make NODEs lose requests and replies at random (6.824's "
            + "unreliable network: 10% of requests, 20% of replies, unless set).")
    int unreliable(@Parameters(paramLabel = "NODE", arity = "1..*") List<String> names,
            @Option(names = "--drop-requests", defaultValue = "0.1", paramLabel = "RATE") double requests,
            @Option(names = "--drop-replies", defaultValue = "0.2", paramLabel = "RATE") double replies) {
        Map<Topology.Node, UnaryOperator<Faults>> changes = new LinkedHashMap<>();
        names.forEach(n -> changes.put(root.topology().node(n), f -> f.withDrops(requests, replies)));
        return apply(changes);
    }

    @Command(name = "heal", description = "Clear the faults of NODEs and unblock them everywhere; with no NODE "
            + "or with --all, clear every fault of every node.")
    int heal(@Parameters(paramLabel = "NODE", arity = "0..*") List<String> names,
            @Option(names = "--all", description = "every node of the topology") boolean all) {
        Map<Topology.Node, UnaryOperator<Faults>> changes = new LinkedHashMap<>();
        if (all || names == null || names.isEmpty()) {
            root.topology().nodes().forEach(n -> changes.put(n, f -> Faults.NONE));
            return apply(changes);
        }
        Set<String> healed = new HashSet<>();
        names.forEach(n -> healed.add(root.topology().node(n).url()));
        for (Topology.Node node : root.topology().nodes()) {
            changes.put(node, healed.contains(node.url()) ? f -> Faults.NONE
                    : f -> f.withBlockedPeers(minus(f.blockedPeers(), healed)));
        }
        return apply(changes);
    }

    /**
     * Reads each node's faults, changes them, writes them back; prints what is now in force. A node
     * that does not answer is reported and the others still changed: exit 4 then.
     */
    private int apply(Map<Topology.Node, UnaryOperator<Faults>> changes) {
        Map<String, Object> result = new LinkedHashMap<>();
        Table table = new Table("NODE", "FAULTS");
        boolean allAnswered = true;
        try (ChaosClient chaos = root.configure(ChaosClient.builder()).build()) {
            for (Map.Entry<Topology.Node, UnaryOperator<Faults>> change : changes.entrySet()) {
                Topology.Node node = change.getKey();
                try {
                    Faults now = chaos.set(node.url(), change.getValue().apply(chaos.get(node.url())));
                    result.put(node.name(), now);
                    table.row(node.name(), orNone(StatusCommand.describe(root.topology(), now)));
                } catch (NoReplyException e) {
                    allAnswered = false;
                    result.put(node.name(), "no answer");
                    table.row(node.name(), "no answer: unchanged");
                } catch (ProblemException e) {
                    throw explain(node, e);
                }
            }
        }
        if (root.json()) {
            Table.json(root.out(), result);
        } else {
            table.print(root.out());
        }
        return allAnswered ? ExitCodes.OK : ExitCodes.NO_ANSWER;
    }

    private static ProblemException explain(Topology.Node node, ProblemException e) {
        if (e.code() == ErrorCode.ErrNotFound) {
            return new ProblemException(ErrorCode.ErrNotFound, node.name() + " has no chaos API: start it with "
                    + "--chaos.enabled=true");
        }
        if (e.code() == ErrorCode.ErrUnauthorized) {
            return new ProblemException(ErrorCode.ErrUnauthorized, node.name() + " wants the cluster secret: "
                    + "give it with --secret or DS_CLUSTER_SECRET");
        }
        return e;
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "none" : text;
    }

    private static Set<String> plus(Set<String> set, String more) {
        Set<String> result = new HashSet<>(set);
        result.add(more);
        return result;
    }

    private static Set<String> minus(Set<String> set, Set<String> less) {
        Set<String> result = new HashSet<>(set);
        result.removeAll(less);
        return result;
    }
}
