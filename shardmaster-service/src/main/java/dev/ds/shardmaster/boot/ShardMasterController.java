package dev.ds.shardmaster.boot;

import dev.ds.api.shardmaster.Config;
import dev.ds.api.shardmaster.ConfigChange;
import dev.ds.api.shardmaster.ConfigWatch;
import dev.ds.api.shardmaster.ConfigRef;
import dev.ds.api.shardmaster.Join;
import dev.ds.api.shardmaster.Leave;
import dev.ds.api.shardmaster.Move;
import dev.ds.rpc.Empty;
import dev.ds.shardmaster.replica.ShardMasterReplica;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shard master's REST API (CONTRACT.md section 5). */
@RestController
@RequestMapping("/api/shardmaster")
@Tag(name = "shard master", description = "Join, Leave, Move and linearizable queries of numbered configurations")
class ShardMasterController {

    private static final String TIMEOUT = "ErrTimeout: no decision in time; the outcome of a write is unknown, "
            + "so retry it with the same clientId and seq";
    private static final String APPLIED = "applied, now or by an earlier request with the same clientId and seq";

    private final ShardMasterReplica replica;

    ShardMasterController(ShardMasterReplica replica) {
        this.replica = replica;
    }

    @PostMapping("/join")
    @Operation(summary = "Add a replica group and rebalance",
            description = "Joining a gid that is present changes nothing; clientId/seq make a retry apply at most once.")
    @ApiResponse(responseCode = "200", description = APPLIED)
    @ApiResponse(responseCode = "400", description = "ErrBadRequest: gid is not positive, or servers is empty")
    @ApiResponse(responseCode = "503", description = TIMEOUT)
    Empty join(@RequestBody Join join) {
        replica.join(join);
        return Empty.INSTANCE;
    }

    @PostMapping("/leave")
    @Operation(summary = "Remove a replica group and rebalance",
            description = "Leaving a gid that is absent changes nothing.")
    @ApiResponse(responseCode = "200", description = APPLIED)
    @ApiResponse(responseCode = "400", description = "ErrBadRequest: gid is not positive")
    @ApiResponse(responseCode = "503", description = TIMEOUT)
    Empty leave(@RequestBody Leave leave) {
        replica.leave(leave);
        return Empty.INSTANCE;
    }

    @PostMapping("/move")
    @Operation(summary = "Assign one shard to a joined group, until the next Join or Leave")
    @ApiResponse(responseCode = "200", description = APPLIED)
    @ApiResponse(responseCode = "400", description = "ErrBadRequest: shard out of range, or gid not joined")
    @ApiResponse(responseCode = "503", description = TIMEOUT)
    Empty move(@RequestBody Move move) {
        replica.move(move);
        return Empty.INSTANCE;
    }

    /**
     * One operation for both uses of the path, so that the OpenAPI document shows both: two
     * mappings of one path and verb would appear there as one.
     */
    @GetMapping("/config")
    @Operation(summary = "The latest configuration; with after, the watch for configuration after+1",
            description = "Without parameters: the latest configuration, ordered through the log (linearizable). "
                    + "With after (and waitMs, default 10000, at most 60000): the watch. It answers "
                    + "{\"changed\": true, \"config\": configuration after+1} as soon as that exists, or "
                    + "{\"changed\": false} after waitMs. It is answered from this replica's applied configurations "
                    + "without a log entry, fenced by asking a majority how far the log has gone: never older than "
                    + "after, and a Join, Leave or Move completed before the call is never missed. 503 ErrTimeout "
                    + "when the wait ended and this replica could not rule out a newer configuration (no majority, "
                    + "catching up): ask another replica.")
    @ApiResponse(responseCode = "200", description = "a Config, or with after a ConfigChange",
            content = @Content(schema = @Schema(oneOf = {Config.class, ConfigChange.class})))
    @ApiResponse(responseCode = "503", description = TIMEOUT)
    Object latestOrWatch(
            @Parameter(description = "watch: the number of the configuration the caller already has, >= 0")
            @RequestParam(required = false) Long after,
            @Parameter(description = "watch: how long to hold the call without a change, 0..60000 ms")
            @RequestParam(defaultValue = "10000") long waitMs) {
        return after == null ? replica.query(-1) : replica.watch(new ConfigWatch(after, waitMs));
    }

    @GetMapping("/config/{num}")
    @Operation(summary = "Configuration num (404 ErrNotFound when it does not exist yet)")
    @ApiResponse(responseCode = "200", description = "the configuration")
    @ApiResponse(responseCode = "404", description = "ErrNotFound: no configuration num yet")
    @ApiResponse(responseCode = "503", description = TIMEOUT)
    Config config(@PathVariable long num) {
        return replica.query(new ConfigRef(num).num());
    }
}
