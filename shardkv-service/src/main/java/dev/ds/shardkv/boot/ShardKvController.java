package dev.ds.shardkv.boot;

import dev.ds.api.kv.KeyRef;
import dev.ds.api.kv.KvValue;
import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteResult;
import dev.ds.shardkv.api.Installed;
import dev.ds.shardkv.api.ShardData;
import dev.ds.shardkv.api.ShardRef;
import dev.ds.shardkv.replica.ShardKvReplica;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The node-to-node endpoints of shardkv ({@code dev.ds.shardkv.api.ShardKvApi}); see that package for the protocol. */
@RestController
@RequestMapping("/internal/shardkv")
@Tag(name = "shardkv (internal)", description = "Shard transfer between groups and forwarded requests")
class ShardKvController {

    private final ShardKvReplica replica;

    ShardKvController(ShardKvReplica replica) {
        this.replica = replica;
    }

    @PostMapping("/pull")
    @Operation(summary = "A shard this group handed off in configuration configNum (ErrNotReady until it is frozen here)")
    ShardData pull(@RequestBody ShardRef ref) {
        return replica.pull(ref);
    }

    @PostMapping("/installed")
    @Operation(summary = "Whether this group has installed a shard handed off to it, so the old owner may delete it")
    Installed installed(@RequestBody ShardRef ref) {
        return replica.installed(ref);
    }

    @PostMapping("/get")
    @Operation(summary = "A read forwarded by another group: answered here or ErrWrongGroup, never forwarded again")
    KvValue get(@RequestBody KeyRef ref) {
        return replica.serveGet(ref.key());
    }

    @PostMapping("/write")
    @Operation(summary = "A put or append forwarded by another group: applied here or ErrWrongGroup, never forwarded again")
    WriteResult write(@RequestBody KvWrite write) {
        return replica.serveWrite(write);
    }
}
