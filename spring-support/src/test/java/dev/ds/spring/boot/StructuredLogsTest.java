package dev.ds.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.rpc.Wire;
import dev.ds.spring.testapp.TestNodeApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** One property turns a node's console log into JSON lines (Spring Boot's structured logging, ECS). */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @Test
    void ecsFormatWritesOneJsonObjectPerLine(CapturedOutput output) {
        // Contexts of earlier tests in this JVM may still be open (Spring's test context cache), and
        // while one is, logging counts as initialized and a new application keeps its format.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(TestNodeApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--logging.structured.format.console=ecs")) {
            assertThat(node.isActive()).isTrue();
        }
        List<String> lines = output.getOut().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).isNotEmpty();
        JsonNode started = lines.stream().map(l -> Wire.mapper().readTree(l))
                .filter(j -> j.path("message").asString("").contains("Started")).findFirst().orElseThrow();
        assertThat(started.path("@timestamp").asString()).isNotBlank();
        assertThat(started.path("log").path("level").asString(started.path("log.level").asString(""))).isEqualTo("INFO");
    }
}
