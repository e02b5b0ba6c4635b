package dev.ds.paxoskv.kv;

import dev.ds.api.kv.KvWrite;
import dev.ds.rsm.Entry;

/**
 * One log entry of the key/value store: a read, a put, an append, or a no-op. Reads go through the
 * log like writes, which is what makes them linearizable without leases.
 */
public record KvCommand(String id, String clientId, Long seq, Kind kind, String key, String value)
        implements Entry.Numbered {

    public enum Kind { GET, PUT, APPEND, NOOP }

    public static KvCommand get(String id, String key) {
        return new KvCommand(id, null, null, Kind.GET, key, null);
    }

    public static KvCommand write(String id, KvWrite write) {
        Kind kind = switch (write.kind()) {
            case PUT -> Kind.PUT;
            case APPEND -> Kind.APPEND;
        };
        return new KvCommand(id, write.clientId(), write.seq(), kind, write.key(), write.value());
    }

    public static KvCommand noop(String id) {
        return new KvCommand(id, null, null, Kind.NOOP, null, null);
    }

    @Override
    public boolean isNoop() {
        return kind == Kind.NOOP;
    }
}
