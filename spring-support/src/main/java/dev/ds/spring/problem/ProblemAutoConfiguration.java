package dev.ds.spring.problem;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Answers every error as an RFC 9457 problem with a {@code code}: those of the handlers ({@link
 * ProblemHandler}) and those Tomcat writes itself before a servlet sees the request ({@link
 * ProblemErrorReportValve}).
 */
@AutoConfiguration
@Import(ProblemHandler.class)
public class ProblemAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatErrors {

        /**
         * Puts {@link ProblemErrorReportValve} in place of the host's HTML error report valve, once
         * the host has its valves (Spring Boot adds one of its own when the context is prepared, the
         * host another when it starts): just before the web application starts.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    useProblemReports(context.getParent());
                }
            }));
        }

        private static void useProblemReports(Container host) {
            boolean present = false;
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ProblemErrorReportValve) {
                    present = true;
                } else if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (!present) {
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        }
    }
}
