package dev.ds.api.kv;

/**
 * A put or an append. Over HTTP the kind and the key travel in the path, the rest in the body.
 *
 * @param clientId the writing client, 1 to 128 characters, or null for a write applied once per request
 * @param seq the client's write number, positive and increasing; null exactly when clientId is
 */
public record KvWrite(WriteKind kind, String key, String value, String clientId, Long seq) {

    public KvWrite {
        if (kind == null) {
            throw new IllegalArgumentException("kind: must be PUT or APPEND");
        }
        KvLimits.requireKey(key);
        if (value == null) {
            throw new IllegalArgumentException("value: must be given");
        }
        if (clientId != null && (clientId.isEmpty() || clientId.length() > 128)) {
            throw new IllegalArgumentException("clientId: must be 1 to 128 characters");
        }
        if ((clientId == null) != (seq == null)) {
            throw new IllegalArgumentException("seq: clientId and seq go together");
        }
        if (seq != null && seq < 1) {
            throw new IllegalArgumentException("seq: must be positive, was " + seq);
        }
    }

    public boolean hasClient() {
        return clientId != null;
    }
}
