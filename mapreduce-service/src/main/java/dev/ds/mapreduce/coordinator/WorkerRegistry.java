package dev.ds.mapreduce.coordinator;

import dev.ds.api.mapreduce.WorkerInfo;
import dev.ds.api.mapreduce.WorkerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every worker the coordinator has heard from, by {@code node.self} URL. A worker is alive while
 * it keeps sending messages; the incarnation tells a restart apart from a pause.
 */
final class WorkerRegistry {

    /** A worker's incarnation that has died: what it held is lost. */
    record Death(String worker, String incarnation, String why) {
    }

    private static final class Entry {
        String incarnation;
        long lastSeenTick;
        Instant lastSeen;
        WorkerState state = WorkerState.ALIVE;
    }

    private final Map<String, Entry> workers = new LinkedHashMap<>();

    /**
     * Records a message from {@code worker}. Returns the death of its previous incarnation if the
     * worker restarted while it was thought alive.
     */
    Optional<Death> contact(String worker, String incarnation, long now, Instant at) {
        Entry entry = workers.computeIfAbsent(worker, w -> new Entry());
        Optional<Death> restart = Optional.empty();
        if (entry.incarnation != null && !entry.incarnation.equals(incarnation)
                && entry.state == WorkerState.ALIVE) {
            restart = Optional.of(new Death(worker, entry.incarnation, "restarted"));
        }
        entry.incarnation = incarnation;
        entry.lastSeenTick = now;
        entry.lastSeen = at;
        entry.state = WorkerState.ALIVE;
        return restart;
    }

    /** Marks dead every worker silent for {@code timeoutTicks}; returns those that just died. */
    List<Death> expire(long now, long timeoutTicks) {
        List<Death> deaths = new ArrayList<>();
        workers.forEach((worker, entry) -> {
            if (entry.state == WorkerState.ALIVE && now - entry.lastSeenTick >= timeoutTicks) {
                entry.state = WorkerState.DEAD;
                deaths.add(new Death(worker, entry.incarnation, "silent for " + timeoutTicks + " ticks"));
            }
        });
        return deaths;
    }

    long count(WorkerState state) {
        return workers.values().stream().filter(e -> e.state == state).count();
    }

    List<WorkerInfo> list() {
        return workers.entrySet().stream()
                .map(e -> new WorkerInfo(e.getKey(), e.getValue().lastSeen.toString(), e.getValue().state))
                .toList();
    }
}
