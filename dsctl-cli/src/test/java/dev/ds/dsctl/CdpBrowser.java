package dev.ds.dsctl;

import dev.ds.rpc.Wire;
import dev.ds.testkit.http.LocalHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol, with nothing but the JDK's
 * WebSocket: open a page, read it with JavaScript, click an element as a user does (mouse pressed
 * and released at its centre), take a screenshot. Tests skip themselves where no Chromium is
 * installed ({@link #launch} is empty); {@code CHROMIUM} names another binary.
 */
final class CdpBrowser implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private CdpBrowser(Process process, Path profile, String pageSocket) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Listener()).join();
    }

    static Optional<String> binary() {
        return Stream.of(System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(c -> c != null && Files.isExecutable(Path.of(c))).findFirst();
    }

    static CdpBrowser launch(String binary, int width, int height) throws IOException, InterruptedException {
        int port = LocalHttp.freePort();
        Path profile = Files.createTempDirectory("cdp-profile");
        Process process = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=" + port, "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            String list = LocalHttp.get("http://127.0.0.1:" + port + "/json/list");
            if (!list.isBlank()) {
                for (JsonNode target : Wire.mapper().readTree(list)) {
                    if ("page".equals(target.path("type").asString())) {
                        return new CdpBrowser(process, profile, target.path("webSocketDebuggerUrl").asString());
                    }
                }
            }
            if (System.nanoTime() - deadline >= 0 || !process.isAlive()) {
                process.destroyForcibly();
                throw new AssertionError("chromium gave no DevTools page on port " + port);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    void navigate(String url) {
        send("Page.enable", Map.of());
        send("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression in the page (awaited if it is a promise). */
    JsonNode eval(String expression) {
        JsonNode answer = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (answer.has("exceptionDetails")) {
            throw new AssertionError("page threw: " + answer.path("exceptionDetails"));
        }
        return answer.path("result").path("value");
    }

    /** Waits until {@code expression} is true in the page, re-evaluating a few times a second. */
    void waitFor(String what, String expression) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!eval(expression).asBoolean(false)) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out waiting for " + what + " (" + expression + ")\npage:\n"
                        + eval("document.body.innerText").asString(""));
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /** A left click at the centre of the element that {@code selector} finds, as a mouse makes it. */
    void click(String selector) {
        JsonNode box = eval("(() => { const e = document.querySelector(" + Wire.mapper().writeValueAsString(selector)
                + "); if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) {
            throw new AssertionError("nothing to click at " + selector);
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", box.path("x").asDouble(),
                    "y", box.path("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String png = send("Page.captureScreenshot", Map.of("format", "png")).path("data").asString();
        Files.write(file, Base64.getDecoder().decode(png));
    }

    private JsonNode send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        socket.sendText(Wire.mapper().writeValueAsString(message), true).join();
        JsonNode reply = answer.orTimeout(DEADLINE.toSeconds(), TimeUnit.SECONDS).join();
        if (reply.has("error")) {
            throw new AssertionError(method + " failed: " + reply.path("error"));
        }
        return reply.path("result");
    }

    /** Collects each (possibly fragmented) message and completes the call it answers. */
    private final class Listener implements WebSocket.Listener {
        private final List<CharSequence> parts = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.add(data);
            if (last) {
                JsonNode message = Wire.mapper().readTree(String.join("", parts));
                parts.clear();
                CompletableFuture<JsonNode> waiting = pending.remove(message.path("id").asInt(-1));
                if (waiting != null) {
                    waiting.complete(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(profile);
    }

    /** Best effort: a browser that was just killed may still be removing files of its own. */
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // Left in the temporary folder; nothing depends on it.
        }
    }
}
