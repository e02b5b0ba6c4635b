package dev.ds.mapreduce.boot;

import dev.ds.spring.boot.InvalidSettingException;
import java.net.URI;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** Checks shared by the settings records; each names the property the way a user types it. */
final class Settings {

    private Settings() {
    }

    static Duration positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(property, value, "must be a positive duration such as 100ms");
        }
        return value;
    }

    static long positive(String property, DataSize value) {
        if (value == null || value.toBytes() < 1) {
            throw new InvalidSettingException(property, value, "must be a positive size such as 64MB");
        }
        return value.toBytes();
    }

    static int atLeast(String property, int value, int minimum) {
        if (value < minimum) {
            throw new InvalidSettingException(property, value, "must be at least " + minimum);
        }
        return value;
    }

    /** A base URL {@code http(s)://host:port}, without a trailing slash. */
    static String baseUrl(String property, String value, String what) {
        InvalidSettingException.require(property, value, what);
        String trimmed = value.trim().replaceAll("/+$", "");
        try {
            URI uri = URI.create(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidSettingException(property, value, "must be a base URL such as http://127.0.0.1:8400");
            }
        } catch (IllegalArgumentException notAUri) {
            throw new InvalidSettingException(property, value, "must be a base URL such as http://127.0.0.1:8400");
        }
        return trimmed;
    }

    /** How many ticks {@code value} lasts, rounded up, at least one: the cores count time in ticks. */
    static long ticks(Duration value, Duration tick) {
        return Math.max(1, (value.toNanos() + tick.toNanos() - 1) / tick.toNanos());
    }
}
