package dev.ds.spring.kv;

import dev.ds.api.kv.KvService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The key/value API for every node that has a {@link KvService}; the limits for every node. */
@AutoConfiguration
@EnableConfigurationProperties(KvSettings.class)
public class KvAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(KvService.class)
    @Import(KvController.class)
    static class Api {
    }
}
