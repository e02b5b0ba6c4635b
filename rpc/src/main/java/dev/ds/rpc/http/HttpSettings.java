package dev.ds.rpc.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node talks HTTP to its peers.
 *
 * @param connectTimeout how long to wait for a TCP connection; short, since a dead peer is common
 * @param readTimeout how long to wait for an answer before calling it "no reply"
 * @param maxConnections pooled connections in all; a quarter of them may go to any one peer
 * @param bearerToken the cluster secret sent as {@code Authorization: Bearer}, or null for none
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, int maxConnections, String bearerToken) {

    public static final HttpSettings DEFAULTS =
            new HttpSettings(Duration.ofMillis(500), Duration.ofSeconds(2), 64, null);

    public HttpSettings {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        if (bearerToken != null && bearerToken.isBlank()) {
            bearerToken = null;
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public HttpSettings withReadTimeout(Duration timeout) {
        return new HttpSettings(connectTimeout, timeout, maxConnections, bearerToken);
    }

    public HttpSettings withBearerToken(String token) {
        return new HttpSettings(connectTimeout, readTimeout, maxConnections, token);
    }
}
