package dev.ds.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TickerTest {

    @Test
    void ticksUntilStoppedEvenWhenATickFails() {
        AtomicInteger ticks = new AtomicInteger();
        Ticker ticker = new Ticker("test-ticker", Duration.ofMillis(5), () -> {
            if (ticks.incrementAndGet() == 1) {
                throw new IllegalStateException("the first tick fails");
            }
        });

        ticker.start();
        assertThat(ticker.isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> ticks.get() >= 3);
        ticker.stop();

        assertThat(ticker.isRunning()).isFalse();
        int afterStop = ticks.get();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> ticks.get() <= afterStop + 1);
    }
}
