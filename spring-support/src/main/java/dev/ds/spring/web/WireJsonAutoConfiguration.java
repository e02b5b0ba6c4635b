package dev.ds.spring.web;

import dev.ds.rpc.Wire;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Configures Spring's JSON mapper exactly as {@link Wire} configures the in-memory network's, so a
 * message means the same over HTTP as in the tests.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class WireJsonAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer wireJsonMapperCustomizer() {
        return Wire::configure;
    }
}
