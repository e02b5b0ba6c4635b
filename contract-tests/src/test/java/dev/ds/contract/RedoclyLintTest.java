package dev.ds.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

        Result lint = run(command, 120);

        assertThat(lint.exitCode()).as("redocly lint:%n%s", lint.output()).isZero();
        // A warning does not fail redocly's exit code, but a client generator would trip on it too.
        assertThat(lint.output()).as("redocly lint:%n%s", lint.output())
                .doesNotContainPattern("(?m)^\\s+\\d+:\\d+\\s+(warning|error)\\s");
    }

    private static Path installRedocly() throws IOException, InterruptedException {
        Path redocly = TOOLS.resolve("node_modules/.bin/redocly");
        if (Files.isExecutable(redocly)) {
            return redocly;
        }
        if (!onPath("node") || !onPath("npm")) {
            abort("Node.js and npm are needed to lint the OpenAPI documents with @redocly/cli; install them to run this test");
        }
        Files.createDirectories(TOOLS);
        Result install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", TOOLS.toString(),
                "@redocly/cli@" + REDOCLY_VERSION), 600);
        if (install.exitCode() != 0) {
            // The linter is a tool this machine lacks when the npm registry cannot be reached.
            abort("npm could not install @redocly/cli@" + REDOCLY_VERSION + " (no registry?): " + install.output());
        }
        return redocly;
    }

    private static boolean onPath(String program) {
        try {
            return run(List.of(program, "--version"), 60).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Path log = Files.createTempFile("contract-tests", ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
