package dev.ds.paxos.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(300));

    @Test
    void delaysStayBetweenMinAndADoublingCeilingCappedAtMax() {
        Random random = new Random(1);
        for (int failed = 1; failed <= 12; failed++) {
            long ceiling = Math.min(300, 10L << (failed - 1));
            for (int i = 0; i < 200; i++) {
                long ms = policy.delay(failed, random).toMillis();
                assertThat(ms).as("after %d failed rounds", failed).isBetween(10L, ceiling);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        assertThat(policy.delay(5, new Random(42))).isEqualTo(policy.delay(5, new Random(42)));
    }

    @Test
    void rejectsEmptyOrInvertedRanges() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofMillis(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMillis(9), Duration.ofMillis(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
