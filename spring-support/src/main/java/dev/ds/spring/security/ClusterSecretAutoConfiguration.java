package dev.ds.spring.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Installs {@link ClusterSecretFilter} when {@code cluster.secret} is set to something non-blank. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnExpression("'${cluster.secret:}'.trim() != ''")
public class ClusterSecretAutoConfiguration {

    @Bean
    FilterRegistrationBean<ClusterSecretFilter> clusterSecretFilter(
            @Value("${cluster.secret}") String secret, JsonMapper mapper) {
        FilterRegistrationBean<ClusterSecretFilter> registration =
                new FilterRegistrationBean<>(new ClusterSecretFilter(secret.trim(), mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
