package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.app.Apps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** What every role has: the checked {@code role} (one clear line when it is wrong) and the apps. */
@Configuration(proxyBeanMethods = false)
class RoleConfiguration {

    @Bean
    Role role(Environment environment) {
        return Role.from(environment);
    }

    @Bean
    Apps apps() {
        return Apps.load(Thread.currentThread().getContextClassLoader());
    }
}
