package dev.ds.paxos;

import dev.ds.paxos.api.Value;
import dev.ds.rpc.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turns an application's values into the bytes Paxos agrees on, and back. Encoding must be
 * deterministic only in the sense that decoding gives the value back; Paxos compares bytes only to
 * check its own invariants.
 */
public interface ValueCodec<V> {

    Value encode(V value);

    V decode(Value value);

    /** JSON through the project's one mapping ({@link Wire}), as on the wire. */
    static <V> ValueCodec<V> json(Class<V> type) {
        return new ValueCodec<>() {
            @Override
            public Value encode(V value) {
                return Value.of(Wire.mapper().writeValueAsBytes(value));
            }

            @Override
            public V decode(Value value) {
                try (InputStream in = value.open()) {
                    return Wire.mapper().readValue(in, type);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
