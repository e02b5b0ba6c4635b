package dev.ds.spring.testapp;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many times an echo handler ran. Comparing it with what the caller saw tells a request
 * dropped before it was processed from a reply dropped after.
 */
public final class Executions {

    private final AtomicInteger count = new AtomicInteger();

    void record() {
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
