package dev.ds.viewservice.boot;

import dev.ds.viewservice.view.ViewServer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health details show the protocol state: the view, and whether its primary has acknowledged it. */
final class ViewServiceHealth implements HealthIndicator {

    private final ViewServer server;

    ViewServiceHealth(ViewServer server) {
        this.server = server;
    }

    @Override
    public Health health() {
        ViewServer.Status status = server.status();
        return Health.up()
                .withDetail("viewnum", status.view().viewnum())
                .withDetail("primary", orNone(status.view().primary()))
                .withDetail("backup", orNone(status.view().backup()))
                .withDetail("primaryAcked", status.primaryAcked())
                .build();
    }

    private static String orNone(String server) {
        return server == null ? "none" : server;
    }
}
