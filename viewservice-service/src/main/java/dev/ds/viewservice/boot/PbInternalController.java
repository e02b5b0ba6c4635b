package dev.ds.viewservice.boot;

import dev.ds.api.pb.Confirm;
import dev.ds.api.pb.Forward;
import dev.ds.api.pb.PbAck;
import dev.ds.api.pb.Transfer;
import dev.ds.viewservice.pb.PbServer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the primary asks of its backup (see the {@code dev.ds.api.pb} package). */
@RestController
@RequestMapping("/internal/pb")
@Tag(name = "primary/backup (internal)", description = "Primary to backup: forward, confirm, transfer")
class PbInternalController {

    private final PbServer server;

    PbInternalController(PbServer server) {
        this.server = server;
    }

    @PostMapping("/forward")
    @Operation(summary = "Apply a write the primary forwards (at most once)")
    PbAck forward(@RequestBody Forward forward) {
        return server.onForward(forward);
    }

    @PostMapping("/confirm")
    @Operation(summary = "Confirm the caller is still this backup's primary")
    PbAck confirm(@RequestBody Confirm confirm) {
        return server.onConfirm(confirm);
    }

    @PostMapping("/transfer")
    @Operation(summary = "Take the primary's whole state")
    PbAck transfer(@RequestBody Transfer transfer) {
        return server.onTransfer(transfer);
    }
}
