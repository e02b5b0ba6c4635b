package dev.ds.viewservice.boot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Fails start-up with one clear line when {@code role} is missing or unknown. */
@Configuration(proxyBeanMethods = false)
class RoleConfiguration {

    @Bean
    Role role(Environment environment) {
        return Role.from(environment);
    }
}
