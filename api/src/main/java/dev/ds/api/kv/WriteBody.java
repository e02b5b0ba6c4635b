package dev.ds.api.kv;

/** The JSON body of a put or an append, as a client sends it: {@code {"value", "clientId", "seq"}}. */
public record WriteBody(String value, String clientId, Long seq) {

    public KvWrite toWrite(WriteKind kind, String key) {
        return new KvWrite(kind, key, value, clientId, seq);
    }
}
