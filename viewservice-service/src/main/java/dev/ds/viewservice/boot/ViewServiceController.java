package dev.ds.viewservice.boot;

import dev.ds.api.view.PingArgs;
import dev.ds.api.view.View;
import dev.ds.viewservice.view.ViewServer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The view service's REST API (CONTRACT.md section 4). */
@RestController
@RequestMapping("/api/viewservice")
@Tag(name = "view service", description = "Heartbeats and the current primary/backup view")
class ViewServiceController {

    private final ViewServer server;

    ViewServiceController(ViewServer server) {
        this.server = server;
    }

    @PostMapping("/ping")
    @Operation(summary = "A key/value server's heartbeat; answers the current view",
            description = "viewnum is the latest view the server knows, 0 after a (re)start.")
    View ping(@RequestBody PingArgs args) {
        return server.ping(args.server(), args.viewnum());
    }

    @GetMapping("/view")
    @Operation(summary = "The current view")
    View view() {
        return server.view();
    }
}
