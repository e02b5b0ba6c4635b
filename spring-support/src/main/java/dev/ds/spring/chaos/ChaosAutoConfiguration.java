package dev.ds.spring.chaos;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The fault state every node has, and, with {@code chaos.enabled=true}, the API and the valve that
 * change and apply it. Without the setting there is no {@code /admin/chaos} at all (404).
 */
@AutoConfiguration
public class ChaosAutoConfiguration {

    @Bean
    ChaosState chaosState() {
        return new ChaosState();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("chaos.enabled")
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    @Import(ChaosController.class)
    static class Enabled {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> chaosValve(ChaosState state) {
            return factory -> factory.addEngineValves(new ChaosValve(state));
        }
    }
}
