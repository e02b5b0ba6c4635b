package dev.ds.client.view;

import dev.ds.api.view.PingArgs;
import dev.ds.api.view.View;
import dev.ds.api.view.ViewServiceApi;
import dev.ds.client.Retry;
import dev.ds.rpc.Empty;
import dev.ds.rpc.RpcClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import java.util.Optional;

/** The view service's client (the Clerk of 6.824 lab 2A): ping and read the current view. */
public final class ViewServiceClient {

    private final RpcClient rpc;
    private final String viewService;
    private final Retry retry;

    public ViewServiceClient(RpcClient rpc, String viewService, Retry retry) {
        this.rpc = rpc;
        this.viewService = viewService;
        this.retry = retry;
    }

    public ViewServiceClient(RpcClient rpc, String viewService) {
        this(rpc, viewService, Retry.DEFAULT);
    }

    /** A client over HTTP with default timeouts, for users and tools. */
    public static ViewServiceClient overHttp(String viewServiceUrl) {
        return new ViewServiceClient(new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS), viewServiceUrl);
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
}
