package dev.ds.testkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pinned npm packages that a test runs (a linter, a validator), installed once with npm into a
 * folder of the repository's git-ignored {@code .tools/}, outside any {@code target/}, so that
 * {@code mvn clean} does not download them again. A test skips, with the reason {@link #install}
 * gives, where Node.js or npm is missing or the registry cannot be reached.
 */
public final class NpmTool {

    /** What a command printed (standard output and error together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private NpmTool() {
    }

    /**
     * Installs {@code packages} (each {@code name@version}) into {@code folder} unless {@code
     * installed} (a path inside it) exists already.
     *
     * @return empty when installed, else why it could not be (for the test's skip message)
     */
    public static Optional<String> install(Path folder, Path installed, String what, String... packages)
            throws IOException, InterruptedException {
        if (Files.exists(installed)) {
            return Optional.empty();
        }
        if (!onPath("node") || !onPath("npm")) {
            return Optional.of("Node.js and npm are needed to " + what + "; install them to run this test");
        }
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix",
                folder.toString()));
        command.addAll(List.of(packages));
        Result install = run(command, Map.of(), 600);
        if (install.exitCode() != 0) {
            return Optional.of("npm could not install " + String.join(" ", packages) + " (no registry?): " + install.output());
        }
        return Optional.empty();
    }

    /** Runs a command with extra environment variables; fails the test if it outlives the timeout. */
    public static Result run(List<String> command, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = Files.createTempFile("npm-tool", ".log");
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

    private static boolean onPath(String program) {
        try {
            return run(List.of(program, "--version"), Map.of(), 60).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
