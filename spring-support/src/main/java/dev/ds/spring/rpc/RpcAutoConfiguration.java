package dev.ds.spring.rpc;

import dev.ds.rpc.RpcClient;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import dev.ds.spring.chaos.ChaosAutoConfiguration;
import dev.ds.spring.chaos.ChaosState;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node's {@link RpcClient}: Feign over a pooled Apache HttpClient 5, using Spring's own JSON
 * mapper (configured like the in-memory network's, see {@code WireJsonAutoConfiguration}), wrapped
 * with the chaos cut and metrics. It carries the cluster secret when one is set.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, ChaosAutoConfiguration.class})
@EnableConfigurationProperties(RpcProperties.class)
public class RpcAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    HttpRpcClient httpRpcClient(JsonMapper mapper, RpcProperties properties,
            @Value("${cluster.secret:}") String secret) {
        return new HttpRpcClient(mapper, new HttpSettings(properties.connectTimeout(), properties.readTimeout(),
                properties.maxConnections(), secret.trim()));
    }

    /**
     * The client protocols inject. {@link HttpRpcClient} is an {@link RpcClient} bean too, so it is
     * ignored by the condition (or this bean would never exist, and with it neither the chaos cut
     * nor the metrics) and this one is primary.
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean(value = RpcClient.class, ignored = HttpRpcClient.class)
    RpcClient rpcClient(HttpRpcClient http, ChaosState chaos, MeterRegistry registry) {
        return new ObservedRpcClient(http, chaos, registry);
    }
}
