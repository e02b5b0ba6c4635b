package dev.ds.chaos.check;

import dev.ds.chaos.workload.Op;
import dev.ds.chaos.workload.Workload;
import dev.ds.testkit.history.KvInput;
import dev.ds.testkit.history.Operation;
import dev.ds.testkit.linearizability.CheckResult;
import dev.ds.testkit.linearizability.LinearizabilityChecker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks of one store's history, each reported on its own. */
public final class Checks {

    public static final String LINEARIZABLE = "linearizable";
    public static final String NO_LOST_WRITES = "no acknowledged write lost";
    public static final String APPENDS_ONCE = "appends applied exactly once";
    public static final String LIVENESS = "clients complete after the last heal";

    private static final Pattern ELEMENT = Pattern.compile("x (\\d+) (\\d+) y");

    private Checks() {
    }

    /** The history against the key/value model, with testkit's checker; UNKNOWN when the budget runs out. */
    public static Finding linearizable(String store, List<Op> ops, Duration budget) {
        List<Operation> history = ops.stream().map(Op::forChecker).flatMap(Optional::stream).toList();
        CheckResult result = LinearizabilityChecker.check(history, budget);
        String detail = history.size() + " operations checked";
        return switch (result.verdict()) {
            case OK -> Finding.pass(store, LINEARIZABLE, detail);
            case UNKNOWN -> new Finding(store, LINEARIZABLE, Finding.Status.UNKNOWN,
                    detail + "; " + result.explanation(), Set.of());
            case ILLEGAL -> new Finding(store, LINEARIZABLE, Finding.Status.VIOLATION, result.explanation(),
                    staleReads(ops, result.key()));
        };
    }

    /**
     * The reads of {@code key} that prove the violation on their own. A read of a put key is stale
     * when the write of the value it returned had completed before another acknowledged put began
     * that itself completed before the read began; a read of an append key is stale when it lacks
     * an element whose append was acknowledged before the read began. Falls back to every read of
     * the key when there is none.
     */
    static Set<Long> staleReads(List<Op> ops, String key) {
        List<Op> ofKey = ops.stream().filter(op -> op.input().key().equals(key)).toList();
        List<Op> acked = ofKey.stream().filter(op -> !op.input().isRead() && op.outcome() == Op.Outcome.OK).toList();
        Map<String, Op> writerOf = new HashMap<>();
        ofKey.stream().filter(op -> op.input().kind() == KvInput.Kind.PUT).forEach(op -> writerOf.put(op.input().value(), op));
        Set<Long> stale = new HashSet<>();
        for (Op read : ofKey) {
            if (read.outcome() != Op.Outcome.OK || !read.input().isRead()) {
                continue;
            }
            String seen = read.output() == null ? "" : read.output();
            Op writer = writerOf.get(seen);
            boolean missed = acked.stream().anyMatch(w -> w.ret() < read.call() && (w.input().kind() == KvInput.Kind.APPEND
                    ? !seen.contains(w.input().value())
                    : writer != null && writer.outcome() == Op.Outcome.OK && w.call() > writer.ret()));
            if (missed) {
                stale.add(read.id());
            }
        }
        if (stale.isEmpty()) {
            ofKey.stream().filter(op -> op.input().isRead()).forEach(op -> stale.add(op.id()));
        }
        return stale;
    }

    /**
     * Every acknowledged write is in the final state: a put key's final value comes from a write
     * that no acknowledged put began after (in real time), and every acknowledged append is in its key.
     */
    public static Finding noLostWrites(String store, List<Op> ops, Map<String, Op> finalReads, List<String> appendKeys) {
        List<String> problems = new ArrayList<>();
        Set<Long> offending = new HashSet<>();
        for (String key : Workload.PUT_KEYS) {
            Op last = finalReads.get(key);
            if (last == null || last.outcome() != Op.Outcome.OK) {
                return unreadable(store, NO_LOST_WRITES, key);
            }
            List<Op> acked = ops.stream().filter(op -> op.input().key().equals(key)
                    && op.input().kind() == KvInput.Kind.PUT && op.outcome() == Op.Outcome.OK).toList();
            if (last.output() == null) {
                if (!acked.isEmpty()) {
                    problems.add(key + " is absent after " + acked.size() + " acknowledged puts");
                    acked.forEach(op -> offending.add(op.id()));
                }
                continue;
            }
            Optional<Op> writer = ops.stream().filter(op -> op.input().key().equals(key)
                    && op.input().kind() == KvInput.Kind.PUT && last.output().equals(op.input().value())).findFirst();
            if (writer.isEmpty()) {
                problems.add(key + " holds \"" + last.output() + "\", which no client wrote");
                offending.add(last.id());
            } else if (writer.get().outcome() == Op.Outcome.OK) {
                acked.stream().filter(op -> op.call() > writer.get().ret()).findFirst().ifPresent(lost -> {
                    problems.add(key + " holds \"" + last.output() + "\", but put \"" + lost.input().value()
                            + "\" began after that write completed and was acknowledged: it is lost");
                    offending.add(lost.id());
                    offending.add(last.id());
                });
            }
        }
        for (String key : appendKeys) {
            Op last = finalReads.get(key);
            if (last == null || last.outcome() != Op.Outcome.OK) {
                return unreadable(store, NO_LOST_WRITES, key);
            }
            String value = last.output() == null ? "" : last.output();
            ops.stream().filter(op -> op.input().key().equals(key) && op.input().kind() == KvInput.Kind.APPEND
                    && op.outcome() == Op.Outcome.OK && !value.contains(op.input().value())).forEach(op -> {
                        problems.add(key + " lacks acknowledged append \"" + op.input().value() + "\"");
                        offending.add(op.id());
                    });
        }
        return verdict(store, NO_LOST_WRITES, problems, offending, "every key read after the heal");
    }

    /** Each append element appears at most once, only if some client sent it, and a client's acknowledged ones in order. */
    public static Finding appendsOnce(String store, List<Op> ops, Map<String, Op> finalReads, List<String> appendKeys) {
        List<String> problems = new ArrayList<>();
        Set<Long> offending = new HashSet<>();
        for (String key : appendKeys) {
            Op last = finalReads.get(key);
            if (last == null || last.outcome() != Op.Outcome.OK) {
                return unreadable(store, APPENDS_ONCE, key);
            }
            Map<String, Op> sent = new HashMap<>();
            ops.stream().filter(op -> op.input().key().equals(key) && op.input().kind() == KvInput.Kind.APPEND)
                    .forEach(op -> sent.put(op.input().value(), op));
            Map<String, Integer> seen = new HashMap<>();
            Map<Integer, Integer> lastAckedIndex = new HashMap<>();
            Matcher matcher = ELEMENT.matcher(last.output() == null ? "" : last.output());
            while (matcher.find()) {
                String element = matcher.group();
                Op op = sent.get(element);
                if (seen.merge(element, 1, Integer::sum) == 2) {
                    problems.add(key + ": \"" + element + "\" applied more than once");
                    if (op != null) {
                        offending.add(op.id());
                    }
                }
                if (op == null) {
                    problems.add(key + ": \"" + element + "\" was never sent to this key");
                    continue;
                }
                int client = Integer.parseInt(matcher.group(1));
                int index = Integer.parseInt(matcher.group(2));
                if (op.outcome() == Op.Outcome.OK) {
                    Integer before = lastAckedIndex.put(client, index);
                    if (before != null && before > index) {
                        problems.add(key + ": client " + client + "'s append " + index + " applied after its " + before);
                        offending.add(op.id());
                    }
                }
            }
        }
        return verdict(store, APPENDS_ONCE, problems, offending, "each element at most once, in order");
    }

    /** Every client completes an operation within {@code bound} of the last heal. */
    public static Finding liveness(String store, Workload workload, long healedAt, Duration bound) {
        List<String> problems = new ArrayList<>();
        long worst = 0;
        for (int c = 0; c < workload.clients(); c++) {
            Optional<Long> first = workload.firstOkAfter(c, healedAt);
            if (first.isEmpty() || first.get() - healedAt > bound.toNanos()) {
                problems.add("client " + c + " completed nothing within " + bound.toSeconds() + " s of the last heal");
            } else {
                worst = Math.max(worst, first.get() - healedAt);
            }
        }
        return verdict(store, LIVENESS, problems, Set.of(),
                "slowest client answered " + worst / 1_000_000 + " ms after the last heal (bound " + bound.toSeconds() + " s)");
    }

    private static Finding unreadable(String store, String check, String key) {
        return new Finding(store, check, Finding.Status.UNKNOWN, "could not read " + key + " after the heal", Set.of());
    }

    private static Finding verdict(String store, String check, List<String> problems, Set<Long> offending, String ok) {
        if (problems.isEmpty()) {
            return Finding.pass(store, check, ok);
        }
        String detail = String.join("\n", problems.subList(0, Math.min(20, problems.size())))
                + (problems.size() > 20 ? "\n... and " + (problems.size() - 20) + " more" : "");
        return new Finding(store, check, Finding.Status.VIOLATION, detail, Set.copyOf(offending));
    }
}
