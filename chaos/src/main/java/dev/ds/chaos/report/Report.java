package dev.ds.chaos.report;

import dev.ds.chaos.check.Finding;
import dev.ds.chaos.nemesis.Timeline;
import dev.ds.chaos.node.NodeProcess;
import dev.ds.chaos.workload.Op;
import dev.ds.rpc.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The folder a run leaves when it finds a violation: {@code history.jsonl} (every operation),
 * {@code faults.jsonl} (the fault timeline), {@code logs/} (every node's log), {@code summary.txt}
 * and {@code index.html}, a self-contained page that draws the history.
 */
public final class Report {

    private static final JsonMapper JSON = Wire.mapper();

    private Report() {
    }

    public static Path write(Path dir, long seed, String summary, List<Op> ops, List<Timeline.Fault> faults,
            List<Finding> findings, List<NodeProcess> nodes) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        StringBuilder history = new StringBuilder();
        for (Op op : ops) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", op.id());
            line.put("store", op.store());
            line.put("client", op.client());
            line.put("op", op.input().kind().name().toLowerCase());
            line.put("key", op.input().key());
            line.put("value", op.input().value());
            line.put("outcome", op.outcome().name().toLowerCase());
            line.put("read", op.output());
            line.put("callMs", op.call() / 1e6);
            line.put("returnMs", op.ret() / 1e6);
            line.put("error", op.error());
            history.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.writeString(dir.resolve("history.jsonl"), history, StandardCharsets.UTF_8);
        StringBuilder timeline = new StringBuilder();
        for (Timeline.Fault fault : faults) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("fault", fault.number());
            line.put("kind", fault.kind().name());
            line.put("store", fault.store());
            line.put("what", fault.description());
            line.put("startMs", fault.start() / 1e6);
            line.put("endMs", fault.end() < 0 ? null : fault.end() / 1e6);
            timeline.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.writeString(dir.resolve("faults.jsonl"), timeline, StandardCharsets.UTF_8);
        for (NodeProcess node : nodes) {
            if (Files.exists(node.log())) {
                Files.copy(node.log(), dir.resolve("logs").resolve(node.log().getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        Path html = dir.resolve("index.html");
        Files.writeString(html, HistoryPage.render(seed, summary, ops, faults, findings), StandardCharsets.UTF_8);
        return html;
    }
}
