package dev.ds.testkit;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds for randomized tests: the {@code ds.seed} system property if set, so that a failure can be
 * replayed with {@code -Dds.seed=N}, else a fresh random one. Either way the seed is logged.
 */
public final class Seeds {

    private static final Logger LOG = LoggerFactory.getLogger(Seeds.class);

    private Seeds() {
    }

    public static long seed(String test) {
        String fixed = System.getProperty("ds.seed");
        long seed = fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.trim()) : ThreadLocalRandom.current().nextLong();
        LOG.info("{} uses seed {}; replay with -Dds.seed={}", test, seed, seed);
        return seed;
    }
}
