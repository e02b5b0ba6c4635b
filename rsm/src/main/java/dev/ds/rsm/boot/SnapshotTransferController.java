package dev.ds.rsm.boot;

import dev.ds.rsm.runtime.SnapshotTransfer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The giving side of catch-up by snapshot over HTTP ({@link SnapshotTransfer#SNAPSHOT}). A service
 * imports it and provides its replica as a {@link SnapshotTransfer.Source} bean.
 */
@RestController
@Tag(name = "rsm (internal)", description = "Between replicas of a group: catch-up by snapshot and the read fence")
public class SnapshotTransferController {

    private final SnapshotTransfer.Source source;

    public SnapshotTransferController(SnapshotTransfer.Source source) {
        this.source = source;
    }

    @PostMapping("/internal/rsm/snapshot")
    @Operation(summary = "This replica's current state, for a peer that is behind it and needs instances the log forgot")
    public SnapshotTransfer.Reply snapshot(@RequestBody SnapshotTransfer.Request request) {
        return source.snapshot(request);
    }
}
