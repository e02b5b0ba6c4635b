package dev.ds.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.ds.testkit.process.NpmTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every role's OpenAPI document passes {@code redocly lint} with its recommended rules (as
 * {@code redocly.yaml} at the repository root adjusts them, each change with its reason), so a
 * client generator can trust it. Skipped, with the reason, where Node.js or npm is missing.
 *
 * <p>The linter is pinned and installed once with npm into {@code .tools/} (git-ignored), outside
 * any {@code target/}, so that {@code mvn clean} does not download it again; then all documents
 * are linted in one call.
 */
class RedoclyLintTest {

    static final String REDOCLY_VERSION = "2.77.0";
    private static final Path TOOLS = Repo.ROOT.resolve(".tools/redocly-cli-" + REDOCLY_VERSION);

    @Test
    void everyServiceDocumentPassesTheRecommendedRules() throws IOException, InterruptedException {
        Path redocly = installRedocly();
        List<String> command = new ArrayList<>(List.of(redocly.toString(), "lint",
                "--config=" + Repo.ROOT.resolve("redocly.yaml"), "--format=stylish"));
        ServiceDocuments.files().forEach(file -> command.add(file.toString()));

        NpmTool.Result lint = run(command, 120);

        assertThat(lint.exitCode()).as("redocly lint:%n%s", lint.output()).isZero();
        // A warning does not fail redocly's exit code, but a client generator would trip on it too.
        assertThat(lint.output()).as("redocly lint:%n%s", lint.output())
                .doesNotContainPattern("(?m)^\\s+\\d+:\\d+\\s+(warning|error)\\s");
    }

    private static Path installRedocly() throws IOException, InterruptedException {
        Path redocly = TOOLS.resolve("node_modules/.bin/redocly");
        NpmTool.install(TOOLS, redocly, "lint the OpenAPI documents with @redocly/cli", "@redocly/cli@" + REDOCLY_VERSION)
                .ifPresent(reason -> abort(reason));
        return redocly;
    }

    private static NpmTool.Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        return NpmTool.run(command, Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true",
                "NO_COLOR", "1"), timeoutSeconds);
    }
}
