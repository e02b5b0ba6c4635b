package dev.ds.viewservice;

import dev.ds.api.view.View;
import dev.ds.client.view.ViewServiceClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A key/value server's heartbeat as 6.824 servers do it: one ping per ping interval, carrying the
 * latest view number heard, and no retry within an interval when an answer is lost.
 */
public final class Pinger implements AutoCloseable {

    private final ViewServiceClient client;
    private final String me;
    private final AtomicReference<View> latest = new AtomicReference<>(View.INITIAL);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    public Pinger(ViewServiceClient client, String me, Duration interval) {
        this.client = client;
        this.me = me;
        executor.scheduleAtFixedRate(this::ping, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        client.tryPing(me, latest.get().viewnum()).ifPresent(latest::set);
    }

    public View latest() {
        return latest.get();
    }

    /** The server dies: it stops pinging. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
