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

    /**
     * The watch: configuration {@code after + 1} as soon as it exists, or "no change" after {@code
     * waitMs}. Served from the replica's applied state, without a log entry (see the shard master's README).
     */
    public static final Endpoint<ConfigWatch, ConfigChange> WATCH = Endpoint.of(
            "shardmaster.watch", Verb.GET, "/api/shardmaster/config?after={after}&waitMs={waitMs}",
            ConfigWatch.class, ConfigChange.class,
            watch -> "/api/shardmaster/config?after=" + watch.after() + "&waitMs=" + watch.waitMs());

    private ShardMasterApi() {
    }
}
