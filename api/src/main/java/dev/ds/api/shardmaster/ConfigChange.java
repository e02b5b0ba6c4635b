package dev.ds.api.shardmaster;

/**
 * The answer to a {@link ConfigWatch}: the configuration numbered {@code after + 1} once it exists,
 * or "no change" when the wait ended without it.
 *
 * @param changed whether {@code config} is there
 * @param config configuration {@code after + 1}, or null
 */
public record ConfigChange(boolean changed, Config config) {

    public ConfigChange {
        if (changed != (config != null)) {
            throw new IllegalArgumentException("config: present exactly when changed");
        }
    }

    public static ConfigChange to(Config config) {
        return new ConfigChange(true, config);
    }

    public static ConfigChange none() {
        return new ConfigChange(false, null);
    }
}
