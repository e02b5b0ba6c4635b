package dev.ds.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The at-most-once table of CONTRACT.md section 3, the one every server keeps: per client, the
 * latest command number applied and its answer. A client has one command outstanding at a time and
 * numbers its commands upward, so a command numbered at or below the recorded one was applied
 * already and is only answered again. A command without a client id is never a duplicate.
 *
 * <p>The replicated state machine keeps one table for its log (answers included), each shardkv
 * shard keeps one that moves with the shard, and a primary/backup server keeps one that its backup
 * receives whole. Servers that answer writes with the key alone keep no answers ({@code R} is
 * {@link Void}) and carry the table as numbers only ({@link #numbers}). Thread-safe.
 *
 * @param <R> the answer kept per client
 */
public final class AtMostOnce<R> {

    /** A client's latest applied command number and its answer. */
    public record Applied<R>(long seq, R result) { }

    private final Map<String, Applied<R>> latest = new ConcurrentHashMap<>();

    /** The recorded answer when {@code clientId}'s command {@code seq} was applied already. */
    public Optional<Applied<R>> applied(String clientId, Long seq) {
        if (clientId == null || seq == null) {
            return Optional.empty();
        }
        Applied<R> known = latest.get(clientId);
        return known != null && seq <= known.seq() ? Optional.of(known) : Optional.empty();
    }

    public boolean isDuplicate(String clientId, Long seq) {
        return applied(clientId, seq).isPresent();
    }

    /** Records that {@code clientId}'s command {@code seq} was applied with {@code result}; numbers only move up. */
    public void record(String clientId, Long seq, R result) {
        if (clientId != null && seq != null) {
            latest.merge(clientId, new Applied<>(seq, result), (old, now) -> now.seq() >= old.seq() ? now : old);
        }
    }

    /** A copy of the table, for a snapshot. */
    public Map<String, Applied<R>> entries() {
        return new HashMap<>(latest);
    }

    /** Replaces the table with a snapshot's. */
    public void replaceWith(Map<String, Applied<R>> entries) {
        latest.clear();
        latest.putAll(entries);
    }

    public void clear() {
        latest.clear();
    }

    /** The latest number per client, for a table carried without answers. */
    public Map<String, Long> numbers() {
        Map<String, Long> numbers = new HashMap<>();
        latest.forEach((client, applied) -> numbers.put(client, applied.seq()));
        return numbers;
    }

    /** Adds a table carried as numbers (a moved shard's, a primary's), keeping the higher number per client. */
    public void recordAll(Map<String, Long> numbers) {
        numbers.forEach((client, seq) -> record(client, seq, null));
    }

    public int size() {
        return latest.size();
    }
}
