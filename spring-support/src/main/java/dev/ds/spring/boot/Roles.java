package dev.ds.spring.boot;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.core.env.Environment;

/** Reads the required {@code role} setting of a jar that runs several roles. */
public final class Roles {

    private Roles() {
    }

    /** The role named by {@code role}, case-insensitive; a missing or unknown one stops start-up with one line. */
    public static <R extends Enum<R>> R from(Environment environment, Class<R> roles) {
        String names = String.join(", ", Arrays.stream(roles.getEnumConstants())
                .map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        String value = InvalidSettingException.require("role", environment.getProperty("role"), "one of " + names);
        try {
            return Enum.valueOf(roles, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidSettingException("role", value, "must be one of " + names);
        }
    }
}
