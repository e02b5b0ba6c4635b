package dev.ds.spring.boot;

import java.time.Duration;

/**
 * A setting that is missing or out of range. Settings records throw it from their constructors, so
 * a node never starts with a configuration it cannot run with; the message names the property the
 * way a user types it.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String property;

    public InvalidSettingException(String property, Object value, String reason) {
        super("invalid setting " + property + "=" + show(value) + ": " + reason);
        this.property = property;
    }

    /** Shows a value as a user would type it: a duration as {@code 250ms}, not {@code PT0.25S}. */
    private static String show(Object value) {
        if (value == null) {
            return "(missing)";
        }
        return value instanceof Duration duration ? duration.toMillis() + "ms" : value.toString();
    }

    public String property() {
        return property;
    }

    /** Throws when {@code value} is null or blank. */
    public static String require(String property, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(property, null, "required: " + what);
        }
        return value;
    }
}
