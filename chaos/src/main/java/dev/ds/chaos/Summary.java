package dev.ds.chaos;

import dev.ds.chaos.check.Finding;
import dev.ds.chaos.nemesis.Timeline;
import dev.ds.chaos.workload.Op;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The text a run ends with: what it did and what each check found. */
final class Summary {

    private Summary() {
    }

    static String text(Options options, boolean netns, List<Op> ops, Timeline timeline, List<Finding> findings,
            int fuzzRequests) {
        StringBuilder text = new StringBuilder();
        text.append("=== chaos run summary ===\n")
                .append(String.format(Locale.ROOT, "seed %d (replay: scripts/chaos.sh --seed=%d ...)%n", options.seed(),
                        options.seed()))
                .append("stores ").append(options.stores()).append(", paxos-kv replicas ").append(options.kvReplicas())
                .append(", shardkv groups ").append(options.shardGroups()).append(", faults for ")
                .append(options.faults().toSeconds()).append(" s, network ")
                .append(netns ? "namespaces (kernel packet faults + chaos API)" : "127.0.0.1 (chaos API)")
                .append(options.plantedBug() ? ", PLANTED BUG paxoskv.test.unsafe-local-reads=true" : "").append('\n');
        Map<String, Map<Op.Outcome, Long>> byStore = new TreeMap<>();
        ops.forEach(op -> byStore.computeIfAbsent(op.store(), s -> new TreeMap<>()).merge(op.outcome(), 1L, Long::sum));
        text.append("operations: ").append(ops.size());
        byStore.forEach((store, outcomes) -> text.append("; ").append(store).append(' ').append(outcomes.entrySet()
                .stream().map(e -> e.getKey().name().toLowerCase() + " " + e.getValue()).collect(Collectors.joining(", "))));
        text.append('\n').append("faults: ").append(timeline.faults().size());
        timeline.countByKind().forEach((kind, count) -> text.append("; ").append(kind.name().toLowerCase()).append(' ')
                .append(count));
        text.append('\n');
        if (fuzzRequests > 0) {
            text.append("fuzz requests: ").append(fuzzRequests).append('\n');
        }
        text.append("checks:\n");
        for (Finding finding : findings) {
            text.append(String.format(Locale.ROOT, "  %-9s %-9s %s%s%n", finding.status(), finding.store(), finding.check(),
                    finding.status() == Finding.Status.PASS ? " (" + finding.detail() + ")" : ""));
            if (finding.status() != Finding.Status.PASS) {
                finding.detail().lines().limit(12).forEach(line -> text.append("            ").append(line).append('\n'));
            }
        }
        long violations = findings.stream().filter(f -> f.status() == Finding.Status.VIOLATION).count();
        long unknown = findings.stream().filter(f -> f.status() == Finding.Status.UNKNOWN).count();
        text.append(violations > 0 ? "RESULT: " + violations + " violation(s)\n"
                : unknown > 0 ? "RESULT: no violation, but " + unknown + " check(s) UNKNOWN (not a pass)\n"
                : "RESULT: every check passed\n");
        return text.toString();
    }
}
