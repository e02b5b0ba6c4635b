package dev.ds.spring.boot;

/**
 * A setting that is missing or out of range. Settings records throw it from their constructors, so
 * a node never starts with a configuration it cannot run with; the message names the property the
 * way a user types it.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String property;

    public InvalidSettingException(String property, Object value, String reason) {
        super("invalid setting " + property + "=" + (value == null ? "(missing)" : value) + ": " + reason);
        this.property = property;
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
