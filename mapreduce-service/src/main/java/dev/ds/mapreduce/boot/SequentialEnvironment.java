package dev.ds.mapreduce.boot;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --role=sequential} is a command, not a server: it runs without a web server, so the JVM
 * exits when the run is done, and creates only the beans it uses, so that it starts quickly.
 */
public final class SequentialEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String role = environment.getProperty("role");
        if (role != null && role.trim().toLowerCase(Locale.ROOT).equals("sequential")) {
            environment.getPropertySources().addFirst(new MapPropertySource("mapreduceSequential",
                    Map.of("spring.main.web-application-type", "none", "spring.main.lazy-initialization", "true")));
        }
    }
}
