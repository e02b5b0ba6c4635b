package dev.ds.spring.kv;

import dev.ds.api.kv.KvService;
import dev.ds.api.kv.KvValue;
import dev.ds.api.kv.WriteBody;
import dev.ds.api.kv.WriteKind;
import dev.ds.api.kv.WriteResult;
import dev.ds.rpc.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The key/value client API (CONTRACT.md section 3) over this node's {@link KvService}. */
@RestController
@RequestMapping("/api/kv")
@Tag(name = "key/value", description = "Get, put and append; clientId/seq make a retried write apply at most once")
class KvController {

    private static final String APPLIED = "applied, now or by an earlier request with the same clientId and seq";
    private static final String TOO_LARGE = "ErrTooLarge: the key or value is above kv.max-key-bytes or kv.max-value-bytes";
    private static final String MISDIRECTED = "ErrWrongServer: a pb server that is not the primary; "
            + "ErrWrongGroup: a shardkv node that could not forward the key to its group (adds shard and gid)";
    private static final String UNAVAILABLE = "ErrTimeout: no decision in time, the outcome is unknown, so retry "
            + "with the same clientId and seq; ErrNotReady: the node cannot serve yet (catching up, shard arriving)";

    private final KvService server;
    private final KvSettings limits;
    private final MeterRegistry registry;

    KvController(KvService server, KvSettings limits, MeterRegistry registry) {
        this.server = server;
        this.limits = limits;
        this.registry = registry;
    }

    @GetMapping("/{key}")
    @Operation(summary = "Read a key (404 ErrNoKey when absent)")
    @ApiResponse(responseCode = "200", description = "the key's value")
    @ApiResponse(responseCode = "404", description = "ErrNoKey: the key has no value")
    @ApiResponse(responseCode = "413", description = TOO_LARGE)
    @ApiResponse(responseCode = "421", description = MISDIRECTED)
    @ApiResponse(responseCode = "503", description = UNAVAILABLE)
    KvValue get(@PathVariable String key) {
        limits.check(key, null);
        return timed("get", () -> server.get(key));
    }

    @PutMapping("/{key}")
    @Operation(summary = "Set a key; clientId/seq make a retried write apply at most once")
    @ApiResponse(responseCode = "200", description = APPLIED)
    @ApiResponse(responseCode = "413", description = TOO_LARGE)
    @ApiResponse(responseCode = "421", description = MISDIRECTED)
    @ApiResponse(responseCode = "503", description = UNAVAILABLE)
    WriteResult put(@PathVariable String key, @RequestBody WriteBody body) {
        limits.check(key, body.value());
        return timed("put", () -> server.write(body.toWrite(WriteKind.PUT, key)));
    }

    @PostMapping("/{key}/append")
    @Operation(summary = "Append to a key's value (a put when the key is absent)")
    @ApiResponse(responseCode = "200", description = APPLIED)
    @ApiResponse(responseCode = "413", description = TOO_LARGE)
    @ApiResponse(responseCode = "421", description = MISDIRECTED)
    @ApiResponse(responseCode = "503", description = UNAVAILABLE)
    WriteResult append(@PathVariable String key, @RequestBody WriteBody body) {
        limits.check(key, body.value());
        return timed("append", () -> server.write(body.toWrite(WriteKind.APPEND, key)));
    }

    /** Times an operation in {@code kv.ops} by type and outcome: ok, or the error code. */
    private <T> T timed(String type, Supplier<T> operation) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "ok";
        try {
            return operation.get();
        } catch (ProblemException e) {
            outcome = e.code().name();
            throw e;
        } finally {
            sample.stop(Timer.builder("kv.ops").description("Client operations by type and outcome")
                    .tag("type", type).tag("outcome", outcome).register(registry));
        }
    }
}
