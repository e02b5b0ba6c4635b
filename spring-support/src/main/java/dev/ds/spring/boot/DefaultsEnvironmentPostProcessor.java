package dev.ds.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The defaults every service shares, at the lowest precedence so that a service's own
 * application.properties, the command line and the environment all override them.
 */
public final class DefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE = "dsDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.mvc.problemdetails.enabled", "false");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "2s");
        defaults.put("server.shutdown", "immediate");
        defaults.put("management.endpoints.web.exposure.include", "health,info,metrics,prometheus,paxos,loggers");
        // Latency histograms on every endpoint a node serves (client and node-to-node alike) and on
        // every call it makes to a peer: Prometheus gets the buckets, and the Grafana dashboard turns
        // them into p50/p99/p999 with histogram_quantile, across nodes as well as per node.
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        defaults.put("management.metrics.distribution.percentiles-histogram.ds.rpc.client", "true");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put("management.endpoint.health.show-components", "always");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // Readiness follows the protocol: see ServingAutoConfiguration.
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,serving");
        defaults.put("management.endpoint.health.group.readiness.status.order", "DOWN,OUT_OF_SERVICE,UP,UNKNOWN");
        defaults.put("management.endpoint.health.status.order", "DOWN,UP,OUT_OF_SERVICE,UNKNOWN");
        defaults.put("management.info.java.enabled", "true");
        defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        defaults.put("springdoc.paths-to-match", "/api/**,/internal/**,/admin/**");
        // Our answers are JSON; springdoc would otherwise document them as */*.
        defaults.put("springdoc.default-produces-media-type", "application/json");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
