package dev.ds.testkit.linearizability;

import dev.ds.testkit.history.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A deliberately naive reference checker for small histories: it tries every order of the operations over the whole
 * multi-key store, without partitioning, entry lists or caching, so that it shares no idea with the checker under test
 * beyond the definition of linearizability. An operation may come next if no unplaced operation returned before it was
 * called; operations whose outcome is unknown may also be left out altogether.
 */
final class BruteForceChecker {

    private BruteForceChecker() {
    }

    static boolean linearizable(List<Operation> history) {
        return extend(history, new boolean[history.size()], Map.of());
    }

    private static boolean extend(List<Operation> ops, boolean[] placed, Map<String, String> store) {
        if (allKnownPlaced(ops, placed)) {
            return true;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (placed[i] || !mayComeNext(ops, placed, i)) {
                continue;
            }
            Map<String, String> next = apply(store, ops.get(i));
            if (next == null) {
                continue;
            }
            placed[i] = true;
            boolean found = extend(ops, placed, next);
            placed[i] = false;
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean allKnownPlaced(List<Operation> ops, boolean[] placed) {
        for (int i = 0; i < ops.size(); i++) {
            if (!placed[i] && !ops.get(i).outcomeUnknown()) {
                return false;
            }
        }
        return true;
    }

    private static boolean mayComeNext(List<Operation> ops, boolean[] placed, int candidate) {
        for (int j = 0; j < ops.size(); j++) {
            if (j != candidate && !placed[j] && ops.get(j).ret() < ops.get(candidate).call()) {
                return false;
            }
        }
        return true;
    }

    /** Returns the store after {@code op}, or null if {@code op}'s output is impossible in {@code store}. */
    private static Map<String, String> apply(Map<String, String> store, Operation op) {
        String key = op.input().key();
        Map<String, String> next = new HashMap<>(store);
        switch (op.input().kind()) {
            case GET -> {
                return Objects.equals(store.get(key), op.output().value()) ? store : null;
            }
            case PUT -> next.put(key, op.input().value());
            case APPEND -> next.merge(key, op.input().value(), String::concat);
        }
        return next;
    }
}
