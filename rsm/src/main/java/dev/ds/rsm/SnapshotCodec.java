package dev.ds.rsm;

import dev.ds.api.AtMostOnce;
import dev.ds.rpc.Wire;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A snapshot's bytes: JSON with the applied instance, the at-most-once table and the machine's own bytes. */
final class SnapshotCodec {

    private static final JsonMapper MAPPER = Wire.mapper();

    private SnapshotCodec() {
    }

    record Stored(long seq, JsonNode result) { }

    record Encoded(long applied, Map<String, Stored> table, String machine) { }

    record Decoded<R>(long applied, Map<String, AtMostOnce.Applied<R>> table, byte[] machine) { }

    static <R> byte[] encode(long applied, Map<String, AtMostOnce.Applied<R>> table, byte[] machine) {
        Map<String, Stored> stored = new HashMap<>();
        table.forEach((client, entry) -> stored.put(client, new Stored(entry.seq(), MAPPER.valueToTree(entry.result()))));
        return MAPPER.writeValueAsBytes(new Encoded(applied, stored, Base64.getEncoder().encodeToString(machine)));
    }

    static <R> Decoded<R> decode(byte[] bytes, Class<R> resultType) {
        Encoded encoded = MAPPER.readValue(bytes, Encoded.class);
        Map<String, AtMostOnce.Applied<R>> table = new HashMap<>();
        encoded.table().forEach((client, stored) -> table.put(client, new AtMostOnce.Applied<>(stored.seq(),
                stored.result() == null || stored.result().isNull() ? null : MAPPER.treeToValue(stored.result(), resultType))));
        return new Decoded<>(encoded.applied(), table, Base64.getDecoder().decode(encoded.machine()));
    }
}
