package dev.ds.client.view;

import dev.ds.api.view.PingArgs;
import dev.ds.api.view.View;
import dev.ds.api.view.ViewServiceApi;
import dev.ds.client.ClientBuilder;
import dev.ds.client.Retry;
import dev.ds.rpc.Empty;
import dev.ds.rpc.RpcClient;
import java.util.Optional;

/** The view service's client (the Clerk of 6.824 lab 2A): ping and read the current view. */
public final class ViewServiceClient implements AutoCloseable {

    private final ClientBuilder.Transport transport;
    private final RpcClient rpc;
    private final String viewService;
    private final Retry retry;

    private ViewServiceClient(ClientBuilder.Transport transport, String viewService, Retry retry) {
        this.transport = transport;
        this.rpc = transport.rpc();
        this.viewService = viewService;
        this.retry = retry;
    }

    public ViewServiceClient(RpcClient rpc, String viewService, Retry retry) {
        this(ClientBuilder.Transport.shared(rpc), viewService, retry);
    }

    public ViewServiceClient(RpcClient rpc, String viewService) {
        this(rpc, viewService, Retry.DEFAULT);
    }

    /** A client over its own HTTP transport with default timeouts; close it to release the transport. */
    public static ViewServiceClient overHttp(String viewServiceUrl) {
        return builder().viewService(viewServiceUrl).build();
    }

    /** A client of the view service at {@link Builder#viewService}. */
    public static Builder builder() {
        return new Builder();
    }

    /** One heartbeat: empty when it got no answer. A server calls this once per ping interval. */
    public Optional<View> tryPing(String me, long viewnum) {
        return rpc.call(viewService, ViewServiceApi.PING, new PingArgs(me, viewnum));
    }

    /** One read of the current view: empty when it got no answer. */
    public Optional<View> tryView() {
        return rpc.call(viewService, ViewServiceApi.VIEW, Empty.INSTANCE);
    }

    /** Pings until the view service answers. */
    public View ping(String me, long viewnum) {
        return retry.until("ping of " + viewService, () -> tryPing(me, viewnum));
    }

    /** Reads the current view, retrying until the view service answers. */
    public View view() {
        return retry.until("view of " + viewService, this::tryView);
    }

    /** The current primary, or empty if there is none yet. */
    public Optional<String> primary() {
        return Optional.ofNullable(view().primary());
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Builds a {@link ViewServiceClient}; {@link Builder#viewService} is required. */
    public static final class Builder extends ClientBuilder.OfViewService<Builder, ViewServiceClient> {

        private Builder() {
        }

        @Override
        public ViewServiceClient build() {
            return new ViewServiceClient(transport(), viewService(), retry());
        }
    }
}
