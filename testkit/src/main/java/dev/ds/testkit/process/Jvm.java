package dev.ds.testkit.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM on this test's class path, as a user would start a jar: for
 * tests of start-up failures and of roles that run and exit. Each JVM gets a small heap.
 */
public final class Jvm {

    private Jvm() {
    }

    /** How a JVM ended: its exit code and what it wrote on standard error. */
    public record Exit(int code, String stderr) {

        /** The lines of standard error that start with {@code prefix}. */
        public List<String> linesStartingWith(String prefix) {
            return stderr.lines().filter(line -> line.startsWith(prefix)).toList();
        }

        /**
         * The one line a node that could not start printed ({@code Start-up failed: ...}, CONTRACT.md
         * section 1); fails unless it exited non-zero with exactly one such line.
         */
        public String startupFailure() {
            List<String> lines = linesStartingWith("Start-up failed: ");
            if (code == 0 || lines.size() != 1) {
                throw new AssertionError("expected a non-zero exit and one 'Start-up failed:' line, got exit " + code
                        + " and stderr:\n" + stderr);
            }
            return lines.get(0);
        }
    }

    /** Runs {@code mainClass} with {@code args}, discarding standard output; fails if it outlives {@code timeout}. */
    public static Exit run(Class<?> mainClass, List<String> args, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " did not exit within " + timeout + "; stderr: " + stderr);
        }
        return new Exit(process.exitValue(), stderr);
    }

    /**
     * Starts {@code mainClass} as a node with the space-separated {@code args} (on a free port)
     * and answers the one line it printed when it could not start ({@link Exit#startupFailure}).
     */
    public static String startupFailure(Class<?> mainClass, String args) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        arguments.addAll(List.of(args.trim().split("\\s+")));
        return run(mainClass, arguments, Duration.ofSeconds(60)).startupFailure();
    }

    /** The {@code java} launcher of the JVM running the tests. */
    public static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
