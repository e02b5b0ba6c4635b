package dev.ds.client.pb;

import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvWrite;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvCalls;
import dev.ds.client.kv.NumberedKvClient;
import dev.ds.client.view.ViewServiceClient;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The client of the primary/backup store (the Clerk of 6.824 lab 2B).
 *
 * <p>It asks the view service for the primary, sends it the request, and on silence or on an
 * answer that says "not me" or "not yet" refreshes the view and tries again, with the same
 * {@code clientId}/{@code seq} for a write, so that a retried write is applied at most once.
 */
public final class PbClient extends NumberedKvClient {

    private static final Set<ErrorCode> RETRYABLE =
            Set.of(ErrorCode.ErrWrongServer, ErrorCode.ErrNotReady, ErrorCode.ErrTimeout);

    private final RpcClient rpc;
    private final ViewServiceClient viewService;
    private final Retry retry;
    private volatile String primary;

    public PbClient(RpcClient rpc, String viewServiceUrl, Retry retry, String clientId) {
        super(clientId);
        this.rpc = rpc;
        this.viewService = new ViewServiceClient(rpc, viewServiceUrl, retry);
        this.retry = retry;
    }

    public PbClient(RpcClient rpc, String viewServiceUrl) {
        this(rpc, viewServiceUrl, Retry.DEFAULT, UUID.randomUUID().toString());
    }

    public static PbClient overHttp(String viewServiceUrl) {
        return new PbClient(new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS), viewServiceUrl);
    }

    @Override
    public Optional<String> get(String key) {
        return retry.until("get " + key, () -> attempt(() -> KvCalls.readOnce(rpc, primary, key)));
    }

    @Override
    protected void send(KvWrite write) {
        retry.until(write.kind() + " " + write.key(),
                () -> attempt(() -> rpc.call(primary, KvApi.write(write.kind()), write)));
    }

    /**
     * One try at the primary we believe in, finding it first if we have none. A problem that a retry
     * can cure (wrong server, not ready, timed out) or silence makes us forget the primary.
     */
    private <T> Optional<T> attempt(Supplier<Optional<T>> call) {
        if (primary == null) {
            viewService.tryView().ifPresent(view -> primary = view.primary());
            if (primary == null) {
                return Optional.empty();
            }
        }
        try {
            Optional<T> answer = call.get();
            if (answer.isEmpty()) {
                primary = null;
            }
            return answer;
        } catch (ProblemException e) {
            if (!RETRYABLE.contains(e.code())) {
                throw e;
            }
            primary = null;
            return Optional.empty();
        }
    }
}
