package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.app.Apps;
import dev.ds.mapreduce.app.MapReduceApp;
import dev.ds.mapreduce.sequential.SequentialRun;
import dev.ds.spring.boot.InvalidSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code --role=sequential}: the reference run, as a command. It runs once the context is up and
 * the JVM exits when it is done (no web server); a failure is the one start-up line and exit 1.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "role", havingValue = "sequential")
@EnableConfigurationProperties(SequentialSettingsProperties.class)
class SequentialConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SequentialConfiguration.class);

    @Bean
    ApplicationRunner sequentialRun(SequentialSettingsProperties settings, Apps apps) {
        MapReduceApp app = apps.find(settings.app()).orElseThrow(() -> new InvalidSettingException(
                "mapreduce.app", settings.app(), "unknown app; known: " + String.join(", ", apps.names())));
        for (String input : settings.inputs()) {
            if (!Files.isRegularFile(Path.of(input)) || !Files.isReadable(Path.of(input))) {
                throw new InvalidSettingException("mapreduce.inputs", input, "no such readable file");
            }
        }
        return arguments -> {
            long start = System.nanoTime();
            try {
                SequentialRun.Result result = SequentialRun.run(app, settings.inputs(),
                        Path.of(settings.outputDir()), settings.sortBuffer().toBytes());
                double seconds = (System.nanoTime() - start) / 1e9;
                log.info("sequential {}: {} bytes in {} s ({} MB/s), {} keys, output {}", app.name(),
                        result.bytesRead(), String.format("%.2f", seconds),
                        String.format("%.1f", result.bytesRead() / seconds / 1e6), result.keys(), result.output());
            } catch (IOException e) {
                throw new UncheckedIOException("sequential run failed", e);
            }
        };
    }
}
