package dev.ds.chaos.report;

import dev.ds.chaos.check.Finding;
import dev.ds.chaos.nemesis.Timeline;
import dev.ds.chaos.workload.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * A self-contained HTML page that draws a history the way Porcupine does: one lane per client, each
 * operation a bar from its invocation to its completion, faults as shaded bands across the lanes
 * of their store. Operations that show a violation are red; the other operations on the offending
 * key are outlined. A close-up of the first violation comes first, then the whole run.
 */
final class HistoryPage {

    private static final int LANE = 24;
    private static final int LABEL = 170;
    private static final int MAX_WIDTH = 40_000;

    private HistoryPage() {
    }

    static String render(long seed, String summary, List<Op> ops, List<Timeline.Fault> faults, List<Finding> findings) {
        Set<Long> offending = new HashSet<>();
        Set<String> offendingKeys = new HashSet<>();
        findings.forEach(finding -> offending.addAll(finding.offending()));
        ops.stream().filter(op -> offending.contains(op.id())).forEach(op -> offendingKeys.add(op.store() + "/" + op.input().key()));
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>chaos run, seed ")
                .append(seed).append("</title><style>")
                .append("body{font:13px system-ui,sans-serif;margin:16px;color:#222}pre{background:#f6f6f6;padding:8px;")
                .append("white-space:pre-wrap}.scroll{overflow-x:auto;border:1px solid #ccc;margin-bottom:18px}")
                .append("svg text{font:11px monospace}.legend span{display:inline-block;padding:2px 8px;margin-right:6px}")
                .append("</style></head><body><h1>Chaos run, seed ").append(seed).append("</h1>")
                .append("<p class=\"legend\"><span style=\"background:#7aa6da\">get</span><span style=\"background:#8fc98f\">")
                .append("put</span><span style=\"background:#c9b26b\">append</span><span style=\"background:#ddd;")
                .append("border:1px dashed #888\">no answer (open-ended)</span><span style=\"background:#e53935;color:#fff\">")
                .append("offending</span><span style=\"background:rgba(255,152,0,.25)\">fault</span></p>");
        Set<Long> first = findings.stream().filter(f -> !f.offending().isEmpty()).findFirst()
                .map(Finding::offending).orElse(Set.of());
        List<Op> marked = ops.stream().filter(op -> first.contains(op.id())).toList();
        if (!marked.isEmpty()) {
            Op earliest = marked.stream().min(java.util.Comparator.comparingLong(Op::call)).orElseThrow();
            long from = Math.max(0, earliest.call() - 1_500_000_000L);
            long to = earliest.call() + 1_000_000_000L;
            String key = earliest.store() + "/" + earliest.input().key();
            List<Op> near = ops.stream().filter(op -> key.equals(op.store() + "/" + op.input().key())
                    && op.ret() >= from && op.call() <= to).toList();
            html.append("<h2>Close-up of the first violation: operations on key " + escape(earliest.input().key()) + "</h2><div class=\"scroll\">")
                    .append(svg(near, faults, from, to, 600, offending, offendingKeys)).append("</div>");
        }
        long end = ops.stream().mapToLong(op -> Math.max(op.call(), op.ret())).max().orElse(1);
        end = Math.max(end, faults.stream().mapToLong(f -> Math.max(f.start(), f.end())).max().orElse(1));
        double pxPerSec = Math.min(60, MAX_WIDTH / Math.max(1.0, end / 1e9));
        html.append("<h2>Whole run</h2><div class=\"scroll\">")
                .append(svg(ops, faults, 0, end, pxPerSec, offending, offendingKeys)).append("</div>");
        html.append("<h2>Summary</h2><pre>").append(escape(summary)).append("</pre>");
        for (Finding finding : findings) {
            if (finding.status() != Finding.Status.PASS) {
                html.append("<h3>").append(escape(finding.store() + ": " + finding.check() + " — " + finding.status()))
                        .append("</h3><pre>").append(escape(finding.detail())).append("</pre>");
            }
        }
        return html.append("</body></html>").toString();
    }

    private static String svg(List<Op> ops, List<Timeline.Fault> faults, long from, long to, double pxPerSec,
            Set<Long> offending, Set<String> offendingKeys) {
        TreeMap<String, List<Op>> lanes = new TreeMap<>();
        for (Op op : ops) {
            lanes.computeIfAbsent(String.format(Locale.ROOT, "%s client %02d", op.store(), op.client()),
                    k -> new ArrayList<>()).add(op);
        }
        double width = LABEL + (to - from) / 1e9 * pxPerSec + 20;
        int height = LANE * (lanes.size() + 2);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%d\">", width, height));
        for (Timeline.Fault fault : faults) {
            long faultEnd = fault.end() < 0 ? to : fault.end();
            if (faultEnd < from || fault.start() > to) {
                continue;
            }
            double x = x(fault.start(), from, pxPerSec);
            double w = Math.max(2, x(faultEnd, from, pxPerSec) - x);
            int[] span = laneSpan(lanes, fault.store());
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                    + "fill=\"rgba(255,152,0,.18)\"><title>%s</title></rect>", x, LANE * (span[0] + 1), w,
                    LANE * (span[1] - span[0]), escape("fault " + fault.number() + ": " + fault.description())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#b26a00\">%s</text>", x + 2,
                    14, escape(fault.kind().name().toLowerCase())));
        }
        for (double s = Math.ceil(from / 1e9); s <= to / 1e9; s += tick(pxPerSec)) {
            double x = x((long) (s * 1e9), from, pxPerSec);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" fill=\"#999\">%ss</text>", x, x, LANE, height, x + 2, height - 6,
                    s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)));
        }
        int lane = 1;
        for (var entry : lanes.entrySet()) {
            int y = LANE * lane++;
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", y + 16, escape(entry.getKey())));
            for (Op op : entry.getValue()) {
                svg.append(bar(op, from, to, pxPerSec, y, offending.contains(op.id()),
                        offendingKeys.contains(op.store() + "/" + op.input().key())));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String bar(Op op, long from, long to, double pxPerSec, int y, boolean bad, boolean onKey) {
        boolean open = op.outcome() != Op.Outcome.OK;
        long end = open && !op.input().isRead() ? to : Math.min(op.ret(), to);
        double x = x(Math.max(op.call(), from), from, pxPerSec);
        double w = Math.max(2, x(end, from, pxPerSec) - x);
        String fill = bad ? "#e53935" : open ? "#ddd" : switch (op.input().kind()) {
            case GET -> "#7aa6da";
            case PUT -> "#8fc98f";
            case APPEND -> "#c9b26b";
        };
        String stroke = bad ? "stroke=\"#7f0000\" stroke-width=\"2\"" : onKey ? "stroke=\"#e65100\" stroke-width=\"1.5\""
                : open ? "stroke=\"#888\" stroke-dasharray=\"3,2\"" : "";
        String text = op.input() + (op.input().isRead() && op.outcome() == Op.Outcome.OK
                ? " -> " + (op.output() == null ? "no key" : '"' + op.output() + '"') : "")
                + " [" + op.outcome().name().toLowerCase() + "] " + ms(op.call()) + " - " + ms(op.ret())
                + (op.error() == null ? "" : " " + op.error());
        String label = w > 60 ? String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#000\">%s</text>",
                x + 2, y + 15, escape(shortLabel(op, (int) (w / 7)))) : "";
        return String.format(Locale.ROOT, "<g><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\" fill=\"%s\" %s>"
                + "<title>%s</title></rect>%s</g>", x, y + 3, w, LANE - 6, fill, stroke, escape(text), label);
    }

    private static String shortLabel(Op op, int chars) {
        String text = switch (op.input().kind()) {
            case GET -> "get " + op.input().key() + (op.outcome() == Op.Outcome.OK
                    ? "=" + (op.output() == null ? "∅" : tail(op.output())) : "");
            case PUT -> "put " + op.input().key() + "=" + op.input().value();
            case APPEND -> "app " + op.input().key() + "+" + op.input().value();
        };
        return text.length() > chars ? text.substring(0, Math.max(0, chars)) : text;
    }

    private static String tail(String value) {
        return value.length() > 24 ? "…" + value.substring(value.length() - 23) : value;
    }

    private static int[] laneSpan(TreeMap<String, List<Op>> lanes, String store) {
        int first = -1;
        int last = -1;
        int i = 0;
        for (String lane : lanes.keySet()) {
            if (store.equals("all") || lane.startsWith(store + " ")) {
                first = first < 0 ? i : first;
                last = i;
            }
            i++;
        }
        return first < 0 ? new int[] {0, 0} : new int[] {first, last + 1};
    }

    private static double tick(double pxPerSec) {
        return pxPerSec >= 200 ? 0.5 : pxPerSec >= 20 ? 5 : 30;
    }

    private static double x(long nanos, long from, double pxPerSec) {
        return LABEL + (nanos - from) / 1e9 * pxPerSec;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
