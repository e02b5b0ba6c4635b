package dev.ds.rsm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.cluster.Await;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RsmDriverTest {

    @Test
    void ticksWhileThereIsProgressThenWaitsForAWake() {
        AtomicInteger work = new AtomicInteger(5);
        AtomicInteger ticks = new AtomicInteger();
        try (RsmDriver driver = new RsmDriver("test-driver", Duration.ofSeconds(30), Duration.ofSeconds(30), () -> false, () -> {
            ticks.incrementAndGet();
            return work.getAndUpdate(w -> Math.max(0, w - 1)) > 0;
        }).start()) {
            Await.until("the queued work done", Duration.ofSeconds(5), () -> work.get() == 0);
            int idleTicks = ticks.get();
            work.set(3);
            driver.wake();
            Await.until("the new work done after a wake", Duration.ofSeconds(5), () -> work.get() == 0);
            assertThat(ticks.get()).isGreaterThan(idleTicks);
        }
    }

    @Test
    void aFailingTickDoesNotStopTheDriver() {
        AtomicInteger ticks = new AtomicInteger();
        try (RsmDriver driver = new RsmDriver("test-driver", Duration.ofMillis(5), Duration.ofMillis(5), () -> false, () -> {
            if (ticks.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            return false;
        }).start()) {
            Await.until("ticks after the failure", Duration.ofSeconds(5), () -> ticks.get() >= 3);
        }
    }
}
