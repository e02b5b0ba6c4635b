package dev.ds.spring.rpc;

import dev.ds.spring.boot.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node calls its peers.
 *
 * @param connectTimeout {@code rpc.connect-timeout}: TCP connect timeout (default 500ms)
 * @param readTimeout {@code rpc.read-timeout}: how long an answer may take before it counts as lost (default 2s)
 * @param maxConnections {@code rpc.max-connections}: pooled connections in all (default 64)
 */
@ConfigurationProperties("rpc")
public record RpcProperties(
        @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout,
        @DefaultValue("64") int maxConnections) {

    public RpcProperties {
        requirePositive("rpc.connect-timeout", connectTimeout);
        requirePositive("rpc.read-timeout", readTimeout);
        if (maxConnections < 1) {
            throw new InvalidSettingException("rpc.max-connections", maxConnections, "must be at least 1");
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(property, value, "must be a positive duration such as 500ms");
        }
    }
}
