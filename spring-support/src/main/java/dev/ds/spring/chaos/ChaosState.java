package dev.ds.spring.chaos;

import dev.ds.rpc.Faults;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's current fault settings. Always present, so outbound calls can consult it cheaply;
 * only the chaos API (enabled by {@code chaos.enabled=true}) ever changes it from {@link Faults#NONE}.
 */
public final class ChaosState {

    private static final Logger log = LoggerFactory.getLogger(ChaosState.class);

    private volatile Faults faults = Faults.NONE;

    public Faults get() {
        return faults;
    }

    public void set(Faults next) {
        log.info("chaos: faults now {}", next);
        this.faults = next;
    }

    /** Whether an outbound call to {@code peer} must fail as if the network were cut. */
    public boolean blocks(String peer) {
        return faults.blockedPeers().contains(stripSlash(peer));
    }

    boolean roll(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
