package dev.ds.spring.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Lets one path segment carry any character, as CONTRACT.md section 3 requires of keys. Tomcat
 * answers 400 by default to a percent-encoded {@code /} or {@code \}; passed through still
 * encoded, they never split the path, and Spring MVC decodes them into the path variable.
 */
@AutoConfiguration
@ConditionalOnClass(TomcatConnectorCustomizer.class)
public class EncodedPathAutoConfiguration {

    @Bean
    TomcatConnectorCustomizer encodedSlashesStayInTheirSegment() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }
}
