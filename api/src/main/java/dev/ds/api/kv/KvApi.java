package dev.ds.api.kv;

import dev.ds.rpc.Endpoint;
import dev.ds.rpc.Verb;

/** The key/value client endpoints (CONTRACT.md section 3), served by every key/value store. */
public final class KvApi {

    public static final Endpoint<KeyRef, KvValue> GET = Endpoint.of(
            "kv.get", Verb.GET, "/api/kv/{key}", KeyRef.class, KvValue.class,
            ref -> "/api/kv/" + Endpoint.segment(ref.key()));

    /** A put or an append, by its kind: PUT {@code /api/kv/{key}} or POST {@code /api/kv/{key}/append}. */
    public static final Endpoint<KvWrite, WriteResult> PUT = Endpoint.of(
            "kv.put", Verb.PUT, "/api/kv/{key}", KvWrite.class, WriteResult.class,
            write -> "/api/kv/" + Endpoint.segment(write.key()));

    public static final Endpoint<KvWrite, WriteResult> APPEND = Endpoint.of(
            "kv.append", Verb.POST, "/api/kv/{key}/append", KvWrite.class, WriteResult.class,
            write -> "/api/kv/" + Endpoint.segment(write.key()) + "/append");

    private KvApi() {
    }

    public static Endpoint<KvWrite, WriteResult> write(WriteKind kind) {
        return kind == WriteKind.PUT ? PUT : APPEND;
    }
}
