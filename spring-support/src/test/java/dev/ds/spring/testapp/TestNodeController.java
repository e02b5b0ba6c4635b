package dev.ds.spring.testapp;

import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.spring.testapp.TestApi.Echo;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A client endpoint, a node-to-node endpoint, and the failures the problem handler must map. */
@RestController
class TestNodeController {

    private final Executions executions;

    TestNodeController(Executions executions) {
        this.executions = executions;
    }

    @PostMapping("/api/echo")
    Echo apiEcho(@RequestBody Echo echo) {
        executions.record();
        return echo;
    }

    @PostMapping("/internal/echo")
    Echo internalEcho(@RequestBody Echo echo) {
        executions.record();
        return echo;
    }

    @GetMapping("/api/wrong-group/{key}")
    @ApiResponse(responseCode = "421", description = "ErrWrongGroup: always")
    Echo wrongGroup(@PathVariable String key) {
        throw new ProblemException(ErrorCode.ErrWrongGroup, "key " + key + " is in shard 3, owned by group 101",
                Map.of("shard", 3, "gid", 101));
    }

    @GetMapping("/api/keys/{key}")
    Echo key(@PathVariable String key) {
        return new Echo(key, key.length());
    }

    @GetMapping("/api/bug")
    Echo bug() {
        throw new IllegalStateException("a bug in the handler");
    }
}
