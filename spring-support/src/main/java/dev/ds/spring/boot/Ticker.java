package dev.ds.spring.boot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drives a protocol core's {@code tick()} at a fixed rate on one daemon thread, from the moment
 * the node has started until it stops. The cores know time only as ticks; this is where ticks come
 * from in a running node (tests call {@code tick()} themselves).
 */
public final class Ticker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Ticker.class);

    private final String name;
    private final Duration interval;
    private final Runnable tick;
    private ScheduledExecutorService executor;

    public Ticker(String name, Duration interval, Runnable tick) {
        this.name = name;
        this.interval = interval;
        this.tick = tick;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(this::safeTick, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void safeTick() {
        try {
            tick.run();
        } catch (RuntimeException e) {
            log.error("{}: tick failed", name, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
