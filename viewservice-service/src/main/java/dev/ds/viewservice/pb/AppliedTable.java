package dev.ds.viewservice.pb;

import dev.ds.api.kv.KvWrite;
import dev.ds.api.pb.Transfer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The at-most-once table: the latest write number applied per client.
 *
 * <p>A client has one write outstanding at a time and numbers its writes upward (CONTRACT.md
 * section 3), so a write whose {@code seq} is not above the recorded one has been applied already
 * and must only be answered again. Writes are answered with their key alone, so the number is all
 * the table needs to keep.
 */
final class AppliedTable {

    private final Map<String, Long> latest = new ConcurrentHashMap<>();

    /** Whether this write was applied before. A write without a client is never a duplicate here. */
    boolean isDuplicate(KvWrite write) {
        if (!write.hasClient()) {
            return false;
        }
        Long seen = latest.get(write.clientId());
        return seen != null && write.seq() <= seen;
    }

    void record(KvWrite write) {
        if (write.hasClient()) {
            latest.merge(write.clientId(), write.seq(), Math::max);
        }
    }

    Map<String, Transfer.Applied> snapshot() {
        Map<String, Transfer.Applied> copy = new HashMap<>();
        latest.forEach((client, seq) -> copy.put(client, new Transfer.Applied(seq)));
        return copy;
    }

    void replaceWith(Map<String, Transfer.Applied> applied) {
        latest.clear();
        applied.forEach((client, entry) -> latest.put(client, entry.seq()));
    }

    int size() {
        return latest.size();
    }
}
