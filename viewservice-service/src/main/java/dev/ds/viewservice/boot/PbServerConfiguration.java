package dev.ds.viewservice.boot;

import dev.ds.rpc.RpcClient;
import dev.ds.spring.boot.Ticker;
import dev.ds.spring.health.ServingAutoConfiguration;
import dev.ds.viewservice.pb.PbServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** {@code --role=pbserver}: a primary/backup key/value server, ticked once per ping interval. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "role", havingValue = "pbserver")
@EnableConfigurationProperties({ViewServiceSettings.class, KvSettings.class})
@Import({KvController.class, PbInternalController.class})
class PbServerConfiguration {

    @Bean
    PbServerSettings pbServerSettings(Environment environment) {
        return new PbServerSettings(environment.getProperty("node.self"), environment.getProperty("viewservice.url"));
    }

    @Bean
    PbServer pbServer(PbServerSettings settings, KvSettings kv, RpcClient rpc) {
        return new PbServer(settings.self(), settings.viewServiceUrl(), rpc,
                new PbServer.Limits(kv.maxKeyBytes(), kv.maxValueBytes(), PbServer.Limits.DEFAULTS.backupAttempts()));
    }

    @Bean
    Ticker pbServerTicker(PbServer server, ViewServiceSettings timing) {
        return new Ticker("pbserver-tick", timing.pingInterval(), server::tick);
    }

    @Bean
    PbServerHealth pbServerHealthIndicator(PbServer server) {
        return new PbServerHealth(server);
    }

    /** Ready means serving clients now: the primary, with the state, its backup up to date. */
    @Bean(name = ServingAutoConfiguration.BEAN)
    HealthIndicator servingHealthIndicator(PbServer server) {
        return () -> {
            PbServer.Status status = server.status();
            return (status.serving() ? Health.up() : Health.outOfService())
                    .withDetail("role", status.role().name().toLowerCase()).build();
        };
    }
}
