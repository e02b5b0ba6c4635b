package dev.ds.viewservice.boot;

import dev.ds.spring.boot.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The view service's timing (CONTRACT.md section 4).
 *
 * @param pingInterval {@code viewservice.ping-interval}: how often servers ping, and how often the view service ticks
 * @param deadPings {@code viewservice.dead-pings}: missed ping intervals after which a server is dead
 */
@ConfigurationProperties("viewservice")
record ViewServiceSettings(
        @DefaultValue("100ms") Duration pingInterval,
        @DefaultValue("5") int deadPings) {

    ViewServiceSettings {
        if (pingInterval == null || pingInterval.isNegative() || pingInterval.isZero()) {
            throw new InvalidSettingException("viewservice.ping-interval", pingInterval,
                    "must be a positive duration such as 100ms");
        }
        if (deadPings < 1) {
            throw new InvalidSettingException("viewservice.dead-pings", deadPings, "must be at least 1");
        }
    }
}
