package dev.ds.paxoskv.kv;

import dev.ds.rpc.Wire;
import dev.ds.rsm.StateMachine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replicated map. Applied by the replicated state machine one entry at a time, in log order,
 * so it needs no locking of its own; append to an absent key is a put (CONTRACT.md section 3).
 * The map is concurrent only for {@link #peek}, the planted bug's read path.
 */
public final class KvStore implements StateMachine<KvCommand, KvResult> {

    private static final JsonMapper MAPPER = Wire.mapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };

    private final Map<String, String> data = new ConcurrentHashMap<>();
    private long bytes;

    @Override
    public KvResult apply(KvCommand command) {
        return switch (command.kind()) {
            case GET -> new KvResult(data.get(command.key()));
            case PUT -> set(command.key(), command.value());
            case APPEND -> set(command.key(), data.getOrDefault(command.key(), "") + command.value());
            case NOOP -> KvResult.WRITTEN;
        };
    }

    private KvResult set(String key, String value) {
        String old = data.put(key, value);
        bytes += value.length() - (old == null ? -key.length() : old.length());
        return KvResult.WRITTEN;
    }

    @Override
    public byte[] snapshot() {
        return MAPPER.writeValueAsBytes(data);
    }

    @Override
    public void restore(byte[] snapshot) {
        data.clear();
        data.putAll(MAPPER.readValue(snapshot, MAP));
        bytes = 0;
        data.forEach((key, value) -> bytes += key.length() + value.length());
    }

    /** The value applied here so far, read outside the log: only for the planted bug (KvReplica). */
    public String peek(String key) {
        return data.get(key);
    }

    public int keys() {
        return data.size();
    }

    /** Characters held in keys and values: the size a snapshot will have, roughly. */
    public long size() {
        return bytes;
    }
}
