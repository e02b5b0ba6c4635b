package dev.ds.viewservice.boot;

import dev.ds.viewservice.pb.PbServer;
import dev.ds.viewservice.pb.PbState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health details (role, view, whether it serves) and metrics of a pb server, read from its core. */
final class PbServerHealth implements HealthIndicator, MeterBinder {

    private final PbServer server;

    PbServerHealth(PbServer server) {
        this.server = server;
    }

    @Override
    public Health health() {
        PbState.Status status = server.status();
        return Health.up()
                .withDetail("role", status.role().name().toLowerCase())
                .withDetail("viewnum", status.view().viewnum())
                .withDetail("primary", status.view().primary() == null ? "none" : status.view().primary())
                .withDetail("backup", status.view().backup() == null ? "none" : status.view().backup())
                .withDetail("serving", status.serving())
                .withDetail("keys", status.keys())
                .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pb.viewnum", server, s -> s.status().view().viewnum())
                .description("Number of the view this server knows").register(registry);
        Gauge.builder("pb.keys", server, s -> s.status().keys()).description("Keys held").register(registry);
        FunctionCounter.builder("pb.forwarded.writes", server, s -> s.status().forwards())
                .description("Writes the primary forwarded to its backup").register(registry);
        FunctionCounter.builder("pb.state.transfers", server, s -> s.status().transfers())
                .description("Whole-state transfers to a new backup").register(registry);
    }
}
