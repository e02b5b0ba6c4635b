package dev.ds.spring.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Readiness that follows the protocol (CONTRACT.md section 2): {@code /actuator/health/readiness}
 * is UP only while the node can serve clients now. Each service that can be up but not serving (a
 * pb backup, a replica catching up) defines its own bean named {@value #BEAN}, answering UP or
 * OUT_OF_SERVICE; the default here is always UP.
 *
 * <p>The shared defaults put {@code serving} into the readiness group, and order OUT_OF_SERVICE
 * below UP in the root health, so a node that is up but not serving is still UP at {@code
 * /actuator/health} and 503 at {@code /actuator/health/readiness}.
 */
@AutoConfiguration
public class ServingAutoConfiguration {

    public static final String BEAN = "servingHealthIndicator";

    @Bean(name = BEAN)
    @ConditionalOnMissingBean(name = BEAN)
    HealthIndicator servingHealthIndicator() {
        return () -> Health.up().build();
    }
}
