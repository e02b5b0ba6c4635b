package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.sample.SampleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code --role=generate}: writes seeded sample books for jobs to read, so that a clone of the
 * repository can run the MapReduce walkthrough with nothing beside it; then the JVM exits.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "role", havingValue = "generate")
@EnableConfigurationProperties(GenerateSettingsProperties.class)
class GenerateConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GenerateConfiguration.class);

    @Bean
    ApplicationRunner generateSample(GenerateSettingsProperties settings) {
        return arguments -> {
            try {
                Path folder = Path.of(settings.outputDir()).toAbsolutePath();
                SampleFiles.write(folder, settings.files(), settings.words(), settings.seed());
                log.info("generate: {} books of {} words (seed {}) in {}", settings.files(), settings.words(),
                        settings.seed(), folder);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the sample books failed", e);
            }
        };
    }
}
