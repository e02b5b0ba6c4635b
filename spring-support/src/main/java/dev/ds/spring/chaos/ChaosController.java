package dev.ds.spring.chaos;

import dev.ds.rpc.Faults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chaos API of CONTRACT.md section 8. It exists only when {@code chaos.enabled=true}. */
@RestController
@RequestMapping("/admin/chaos")
@Tag(name = "chaos", description = "Inject the 6.824 faults into this running node. Present only with "
        + "chaos.enabled=true; the faults never touch /admin/** or /actuator/**, so they can always be undone.")
class ChaosController {

    private final ChaosState state;

    ChaosController(ChaosState state) {
        this.state = state;
    }

    @GetMapping
    @Operation(summary = "This node's current fault settings")
    Faults get() {
        return state.get();
    }

    @PutMapping
    @Operation(summary = "Replace this node's fault settings",
            description = "Every inbound request waits delayMs; a share dropRequestRate (0 to 1) is closed unanswered "
                    + "before it runs, a share dropReplyRate runs and is then closed unanswered; deaf closes every "
                    + "request unanswered; calls from this node to a base URL in blockedPeers fail at once. "
                    + "Answers the settings now in force.")
    Faults put(@RequestBody Faults faults) {
        Faults normalized = faults.withBlockedPeers(faults.blockedPeers().stream()
                .map(ChaosState::stripSlash).collect(Collectors.toSet()));
        state.set(normalized);
        return normalized;
    }

    @DeleteMapping
    @Operation(summary = "Clear every fault", description = "Answers the empty settings now in force.")
    Faults clear() {
        state.set(Faults.NONE);
        return Faults.NONE;
    }
}
