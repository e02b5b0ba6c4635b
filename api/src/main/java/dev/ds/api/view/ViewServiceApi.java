package dev.ds.api.view;

import dev.ds.rpc.Empty;
import dev.ds.rpc.Endpoint;

/** The view service's endpoints. Both are client APIs: key/value servers and users call them. */
public final class ViewServiceApi {

    public static final Endpoint<PingArgs, View> PING =
            Endpoint.post("viewservice.ping", "/api/viewservice/ping", PingArgs.class, View.class);

    public static final Endpoint<Empty, View> VIEW =
            Endpoint.get("viewservice.view", "/api/viewservice/view", View.class);

    private ViewServiceApi() {
    }
}
