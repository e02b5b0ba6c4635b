package dev.ds.viewservice.boot;

import dev.ds.spring.boot.Ticker;
import dev.ds.spring.openapi.ApiDescription;
import dev.ds.viewservice.view.ViewServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code --role=viewservice}: the view service core, ticked once per ping interval, with its API. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "role", havingValue = "viewservice")
@EnableConfigurationProperties(ViewServiceSettings.class)
@Import(ViewServiceController.class)
class ViewServiceConfiguration {

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds view service",
                "The 6.824 view service: key/value servers ping it, and it names one primary and one "
                + "backup, moving to a new view only after the primary has acknowledged the current one.");
    }

    @Bean
    ViewServer viewServer(ViewServiceSettings settings) {
        return new ViewServer(settings.deadPings());
    }

    @Bean
    Ticker viewServiceTicker(ViewServer server, ViewServiceSettings settings) {
        return new Ticker("viewservice-tick", settings.pingInterval(), server::tick);
    }

    @Bean
    ViewServiceHealth viewServiceHealthIndicator(ViewServer server) {
        return new ViewServiceHealth(server);
    }

    @Bean
    ViewServiceMetrics viewServiceMetrics(ViewServer server) {
        return new ViewServiceMetrics(server);
    }
}
