package dev.ds.api.shardmaster;

import dev.ds.rpc.Empty;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.Verb;

/** The shard master's endpoints (CONTRACT.md section 5); every replica serves every one. */
public final class ShardMasterApi {

    public static final Endpoint<Join, Empty> JOIN =
            Endpoint.post("shardmaster.join", "/api/shardmaster/join", Join.class, Empty.class);

    public static final Endpoint<Leave, Empty> LEAVE =
            Endpoint.post("shardmaster.leave", "/api/shardmaster/leave", Leave.class, Empty.class);

    public static final Endpoint<Move, Empty> MOVE =
            Endpoint.post("shardmaster.move", "/api/shardmaster/move", Move.class, Empty.class);

    public static final Endpoint<Empty, Config> LATEST =
            Endpoint.get("shardmaster.latest", "/api/shardmaster/config", Config.class);

    /** Configuration {@code num}; 404 {@code ErrNotFound} when it does not exist yet. */
    public static final Endpoint<ConfigRef, Config> CONFIG = Endpoint.of(
            "shardmaster.config", Verb.GET, "/api/shardmaster/config/{num}", ConfigRef.class, Config.class,
            ref -> "/api/shardmaster/config/" + ref.num());

    private ShardMasterApi() {
    }
}
