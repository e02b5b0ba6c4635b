package dev.ds.spring.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a service. If start-up fails, Spring Boot has already logged its failure analysis; this
 * adds the single line of CONTRACT.md section 1 on standard error and exits non-zero.
 */
public final class DsApplication {

    private DsApplication() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String[] args) {
        try {
            return SpringApplication.run(application, args);
        } catch (RuntimeException | Error failure) {
            System.err.println("Start-up failed: " + StartupFailure.describe(failure));
            System.exit(1);
            throw failure;
        }
    }
}
