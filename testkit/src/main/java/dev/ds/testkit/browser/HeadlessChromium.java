package dev.ds.testkit.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless, for tests of the status page: the DOM after the page's scripts
 * ran, and a screenshot. Tests that need it skip themselves where it is not installed
 * ({@link #find()} is empty); set {@code CHROMIUM} to point at another binary.
 */
public final class HeadlessChromium {

    /** How long the page may run in virtual time (fetches answered, timers fired) before the dump. */
    private static final int VIRTUAL_TIME_MS = 4000;

    private final String binary;

    private HeadlessChromium(String binary) {
        this.binary = binary;
    }

    /** The browser, if one is installed. */
    public static Optional<HeadlessChromium> find() {
        String configured = System.getenv("CHROMIUM");
        return Stream.of(configured, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(candidate -> candidate != null && Files.isExecutable(Path.of(candidate)))
                .findFirst()
                .map(HeadlessChromium::new);
    }

    /** The page's DOM once its scripts have run. */
    public String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** Renders the page, once its scripts have run, into a PNG at {@code file}. */
    public void screenshot(String url, Path file, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        run(List.of("--screenshot=" + file.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", url));
        if (!Files.exists(file) || Files.size(file) == 0) {
            throw new AssertionError("chromium wrote no screenshot at " + file);
        }
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--virtual-time-budget=" + VIRTUAL_TIME_MS));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within 60 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("chromium exited with " + process.exitValue() + ": " + command);
            }
            return out;
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /**
     * Where tests put screenshots: {@code -Dds.screenshots=DIR} (the docs folder, to refresh the
     * README's pictures), or {@code target/screenshots} of the module.
     */
    public static Path screenshotDir() {
        String dir = System.getProperty("ds.screenshots");
        return Path.of(dir == null || dir.isBlank() ? "target/screenshots" : dir);
    }
}
