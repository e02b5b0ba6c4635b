package dev.ds.viewservice.boot;

import dev.ds.viewservice.view.ViewServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The view number, view changes and pings, read from the core when scraped. */
final class ViewServiceMetrics implements MeterBinder {

    private final ViewServer server;

    ViewServiceMetrics(ViewServer server) {
        this.server = server;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("viewservice.viewnum", server, s -> s.status().view().viewnum())
                .description("Number of the current view").register(registry);
        Gauge.builder("viewservice.primary.acked", server, s -> s.status().primaryAcked() ? 1 : 0)
                .description("1 when the primary has acknowledged the current view").register(registry);
        FunctionCounter.builder("viewservice.view.changes", server, s -> s.status().viewChanges())
                .description("Views decided since start").register(registry);
        FunctionCounter.builder("viewservice.pings", server, s -> s.status().pings())
                .description("Pings received since start").register(registry);
    }
}
