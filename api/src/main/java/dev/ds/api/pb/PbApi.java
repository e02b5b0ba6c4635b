package dev.ds.api.pb;

import dev.ds.rpc.Endpoint;

/** Node-to-node endpoints of the primary/backup store. */
public final class PbApi {

    public static final Endpoint<Forward, PbAck> FORWARD =
            Endpoint.post("pb.forward", "/internal/pb/forward", Forward.class, PbAck.class);

    public static final Endpoint<Confirm, PbAck> CONFIRM =
            Endpoint.post("pb.confirm", "/internal/pb/confirm", Confirm.class, PbAck.class);

    public static final Endpoint<Transfer, PbAck> TRANSFER =
            Endpoint.post("pb.transfer", "/internal/pb/transfer", Transfer.class, PbAck.class);

    private PbApi() {
    }
}
