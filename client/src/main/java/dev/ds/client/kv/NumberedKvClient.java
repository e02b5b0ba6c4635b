package dev.ds.client.kv;

import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteKind;

/**
 * A key/value client that numbers its writes (CONTRACT.md section 3): one write at a time per
 * client, numbered once with this client's id and the next {@code seq}, and resent as it is until
 * answered, so a server applies it at most once. Each store's client says only how one write is
 * sent ({@link #send}).
 */
public abstract class NumberedKvClient implements KvClient {

    private final String clientId;
    private long seq;

    protected NumberedKvClient(String clientId) {
        this(clientId, 0);
    }

    /** A client whose previous write (in an earlier run, say) carried {@code lastSeq}. */
    protected NumberedKvClient(String clientId, long lastSeq) {
        this.clientId = clientId;
        this.seq = lastSeq;
    }

    @Override
    public final void put(String key, String value) {
        write(WriteKind.PUT, key, value);
    }

    @Override
    public final void append(String key, String value) {
        write(WriteKind.APPEND, key, value);
    }

    private synchronized void write(WriteKind kind, String key, String value) {
        send(new KvWrite(kind, key, value, clientId, ++seq));
    }

    /** Sends {@code write} until it is answered, resending it unchanged. */
    protected abstract void send(KvWrite write);

    public String clientId() {
        return clientId;
    }
}
