package dev.ds.client.kv;

import dev.ds.api.kv.KeyRef;
import dev.ds.api.kv.KvApi;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.util.Optional;

/** One-attempt key/value calls that every store's client makes the same way. */
public final class KvCalls {

    private KvCalls() {
    }

    /**
     * Reads {@code key} at {@code server} once: empty when no answer came, else the value, which is
     * itself empty when the key has none ({@code ErrNoKey} is an answer, not a failure).
     */
    public static Optional<Optional<String>> readOnce(RpcClient rpc, String server, String key) {
        try {
            return rpc.call(server, KvApi.GET, new KeyRef(key)).map(answer -> Optional.of(answer.value()));
        } catch (ProblemException e) {
            if (e.code() == ErrorCode.ErrNoKey) {
                return Optional.of(Optional.empty());
            }
            throw e;
        }
    }
}
