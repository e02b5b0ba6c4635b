package dev.ds.mapreduce.boot;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --role=sequential} and {@code --role=generate} are commands, not servers: they run without
 * a web server, so the JVM exits when the work is done, and create only the beans they use, so that
 * they start quickly.
 */
public final class CommandEnvironment implements EnvironmentPostProcessor {

    private static final Set<String> COMMANDS = Set.of("sequential", "generate");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String role = environment.getProperty("role");
        if (role != null && COMMANDS.contains(role.trim().toLowerCase(Locale.ROOT))) {
            environment.getPropertySources().addFirst(new MapPropertySource("mapreduceCommand",
                    Map.of("spring.main.web-application-type", "none", "spring.main.lazy-initialization", "true")));
        }
    }
}
