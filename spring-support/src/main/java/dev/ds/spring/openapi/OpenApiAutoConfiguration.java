package dev.ds.spring.openapi;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Makes every service's {@code /v3/api-docs} a document a client generator can trust: named,
 * described and versioned, with its error answers and the cluster-secret scheme declared once here
 * rather than on every controller (see {@link ApiDocument}).
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class OpenApiAutoConfiguration {

    @Bean
    GlobalOpenApiCustomizer dsApiDocument(ObjectProvider<ApiDescription> description, Environment environment) {
        ApiDescription described = description.getIfAvailable(() -> new ApiDescription(
                environment.getProperty("spring.application.name", "ds node"),
                "A node of ds, the MIT 6.824 systems as Spring Boot services."));
        return new ApiDocument(described, ApiDocument.projectVersion())::customise;
    }
}
