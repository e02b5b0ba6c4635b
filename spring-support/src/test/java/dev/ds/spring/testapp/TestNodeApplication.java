package dev.ds.spring.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The smallest node that uses spring-support: no protocol, only the {@link TestNodeController}
 * endpoints, so the tests see exactly what the shared auto-configuration does to a request.
 */
@SpringBootApplication
public class TestNodeApplication {

    @Bean
    Executions executions() {
        return new Executions();
    }
}
