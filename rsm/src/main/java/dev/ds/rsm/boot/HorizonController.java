package dev.ds.rsm.boot;

import dev.ds.rsm.runtime.Horizon;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answering side of the read fence over HTTP ({@link Horizon#HEARD}). A service imports it and
 * provides its replica as a {@link Horizon.Source} bean.
 */
@RestController
@Tag(name = "rsm (internal)", description = "Between replicas of a group: catch-up by snapshot and the read fence")
public class HorizonController {

    private final Horizon.Source source;

    public HorizonController(Horizon.Source source) {
        this.source = source;
    }

    @PostMapping("/internal/rsm/heard")
    @Operation(summary = "The highest log instance this replica has heard of, for a peer's read fence")
    public Horizon.Heard heard() {
        return source.heard();
    }
}
