package dev.ds.shardmaster.boot;

import dev.ds.api.shardmaster.Config;
import dev.ds.api.shardmaster.ConfigRef;
import dev.ds.api.shardmaster.Join;
import dev.ds.api.shardmaster.Leave;
import dev.ds.api.shardmaster.Move;
import dev.ds.rpc.Empty;
import dev.ds.shardmaster.replica.ShardMasterReplica;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

    @GetMapping("/config")
    @Operation(summary = "The latest configuration")
    @ApiResponse(responseCode = "200", description = "the configuration")
    @ApiResponse(responseCode = "503", description = TIMEOUT)
    Config latest() {
        return replica.query(-1);
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
