package dev.ds.viewservice.boot;

import dev.ds.rpc.RpcClient;
import dev.ds.spring.boot.Ticker;
import dev.ds.spring.health.ServingAutoConfiguration;
import dev.ds.api.kv.KvService;
import dev.ds.spring.openapi.ApiDescription;
import dev.ds.viewservice.pb.PbServer;
import dev.ds.viewservice.pb.PbState;
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
@EnableConfigurationProperties(ViewServiceSettings.class)
@Import(PbInternalController.class)
class PbServerConfiguration {

    @Bean
    ApiDescription apiDescription() {
        return new ApiDescription("ds primary/backup key/value server",
                "A key/value server of the 6.824 primary/backup lab: the primary of the current view "
                + "serves clients and forwards every write to its backup; other servers answer "
                + "ErrWrongServer.");
    }

    @Bean
    PbServerSettings pbServerSettings(Environment environment) {
        return new PbServerSettings(environment.getProperty("node.self"), environment.getProperty("viewservice.url"));
    }

    /** The server, which is also the contract's key/value API ({@code KvService}) when it is the primary. */
    @Bean
    PbServer pbServer(PbServerSettings settings, RpcClient rpc) {
        return new PbServer(settings.self(), settings.viewServiceUrl(), rpc, PbServer.DEFAULT_BACKUP_ATTEMPTS);
    }

    @Bean
    Ticker pbServerTicker(PbServer server, ViewServiceSettings timing) {
        return new Ticker("pbserver-tick", timing.pingInterval(), server::tick);
    }

    /** State transfer on its own thread, so a slow backup never delays the heartbeat. */
    @Bean
    Ticker pbServerSyncTicker(PbServer server, ViewServiceSettings timing) {
        return new Ticker("pbserver-sync", timing.pingInterval().dividedBy(2), server::syncBackup);
    }

    @Bean
    PbServerHealth pbServerHealthIndicator(PbServer server) {
        return new PbServerHealth(server);
    }

    /** Ready means serving clients now: the primary, with the state, its backup up to date. */
    @Bean(name = ServingAutoConfiguration.BEAN)
    HealthIndicator servingHealthIndicator(PbServer server) {
        return () -> {
            PbState.Status status = server.status();
            return (status.serving() ? Health.up() : Health.outOfService())
                    .withDetail("role", status.role().name().toLowerCase()).build();
        };
    }
}
