package dev.ds.client.pb;

import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvWrite;
import dev.ds.client.ClientBuilder;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvCalls;
import dev.ds.client.kv.NumberedKvClient;
import dev.ds.client.view.ViewServiceClient;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
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

    private final ClientBuilder.Transport transport;
    private final RpcClient rpc;
    private final ViewServiceClient viewService;
    private final Retry retry;
    private volatile String primary;

    private PbClient(ClientBuilder.Transport transport, String viewServiceUrl, Retry retry, String clientId,
            long lastSeq) {
        super(clientId, lastSeq);
        this.transport = transport;
        this.rpc = transport.rpc();
        this.viewService = new ViewServiceClient(rpc, viewServiceUrl, retry);
        this.retry = retry;
    }

    public PbClient(RpcClient rpc, String viewServiceUrl, Retry retry, String clientId) {
        this(ClientBuilder.Transport.shared(rpc), viewServiceUrl, retry, clientId, 0);
    }

    public PbClient(RpcClient rpc, String viewServiceUrl) {
        this(rpc, viewServiceUrl, Retry.DEFAULT, UUID.randomUUID().toString());
    }

    /** A client over its own HTTP transport with default settings; close it to release the transport. */
    public static PbClient overHttp(String viewServiceUrl) {
        return builder().viewService(viewServiceUrl).build();
    }

    /** A client of the store whose view service is at {@link Builder#viewService}. */
    public static Builder builder() {
        return new Builder();
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

    @Override
    public void close() {
        transport.close();
    }

    /** Builds a {@link PbClient}; {@link Builder#viewService} is required. */
    public static final class Builder extends ClientBuilder.OfViewService<Builder, PbClient> {

        private Builder() {
        }

        @Override
        public PbClient build() {
            return new PbClient(transport(), viewService(), retry(), clientIdOrRandom(), lastSeqValue());
        }
    }
}
