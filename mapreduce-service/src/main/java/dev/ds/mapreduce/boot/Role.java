package dev.ds.mapreduce.boot;

import dev.ds.spring.boot.InvalidSettingException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.core.env.Environment;

/** What this jar runs, from the required {@code role} setting. */
enum Role {
    COORDINATOR,
    WORKER,
    SEQUENTIAL;

    static Role from(Environment environment) {
        String value = InvalidSettingException.require("role", environment.getProperty("role"),
                "one of " + names());
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidSettingException("role", value, "must be one of " + names());
        }
    }

    private static String names() {
        return String.join(", ", Arrays.stream(values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
    }
}
