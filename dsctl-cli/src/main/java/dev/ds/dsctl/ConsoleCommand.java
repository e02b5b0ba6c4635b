package dev.ds.dsctl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ds.rpc.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code dsctl console}: the whole topology on one web page, live, with buttons for the chaos API.
 * The page is the browser face of dsctl itself: its state is {@code status}, {@code shardmaster query}
 * and {@code mr jobs} run in-process with {@code -o json}, and its buttons run {@code chaos ...}, so the
 * console and the command line can never disagree. The cluster secret, when the nodes want one,
 * comes from the page (it asks the user once) as a bearer token, or from dsctl's own {@code --secret}.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Serve the cluster console: one live page of every group, the view, the shard "
                + "configuration, MapReduce jobs, and buttons to partition, isolate, make unreliable and heal.")
final class ConsoleCommand implements Callable<Integer> {

    @ParentCommand
    Dsctl root;

    @Option(names = "--port", defaultValue = "7070", description = "port to serve on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to serve on (default: ${DEFAULT-VALUE})")
    String bind;

    private HttpServer server;

    @Override
    public Integer call() throws Exception {
        start();
        root.out().println("console on http://" + bind + ":" + server.getAddress().getPort() + "/ (Ctrl-C stops it)");
        root.out().flush();
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /** Starts serving and returns the port; for tests, which stop it with {@link #stop}. */
    int start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "dsctl-console");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::page);
        server.createContext("/api/state", this::state);
        server.createContext("/api/chaos", this::chaos);
        server.start();
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private void page(HttpExchange exchange) throws IOException {
        try (InputStream html = ConsoleCommand.class.getResourceAsStream("/console/index.html")) {
            send(exchange, 200, "text/html; charset=utf-8", html.readAllBytes());
        }
    }

    /** Everything the page shows, in one document. */
    private void state(HttpExchange exchange) throws IOException {
        String secret = bearer(exchange);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nodes", json(dsctl(secret, "status", "-o", "json")));
        state.put("config", json(dsctl(secret, "--timeout", "2", "shardmaster", "query", "-o", "json")));
        state.put("jobs", json(dsctl(secret, "--timeout", "2", "mr", "jobs", "-o", "json")));
        send(exchange, 200, "application/json", Wire.mapper().writeValueAsBytes(state));
    }

    /**
     * {@code POST /api/chaos} with {@code {"command": ["partition", "a", "b,c"]}}: one dsctl chaos
     * command. Answers 401 when a node wants the cluster secret, so the page can ask for it.
     */
    private void chaos(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "POST only".getBytes(StandardCharsets.UTF_8));
            return;
        }
        JsonNode body = Wire.mapper().readTree(exchange.getRequestBody().readAllBytes());
        List<String> args = new ArrayList<>(List.of("chaos"));
        body.path("command").forEach(part -> args.add(part.asString()));
        Result result = dsctl(bearer(exchange), args.toArray(String[]::new));
        int status = result.err().contains("ErrUnauthorized") ? 401 : result.code() == ExitCodes.USAGE ? 400 : 200;
        send(exchange, status, "application/json", Wire.mapper().writeValueAsBytes(result));
    }

    /** What one in-process dsctl run printed. */
    record Result(int code, String out, String err) { }

    private Result dsctl(String secret, String... command) {
        List<String> args = new ArrayList<>();
        if (root.topologyFile != null) {
            args.addAll(List.of("--topology", root.topologyFile.toString()));
        }
        if (root.nodes != null && !root.nodes.isEmpty()) {
            args.addAll(List.of("--nodes", String.join(",", root.nodes)));
        }
        String effective = secret != null ? secret : root.secret;
        if (effective != null && !effective.isBlank()) {
            args.addAll(List.of("--secret", effective));
        }
        args.addAll(List.of(command));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dsctl.run(new PrintWriter(out), new PrintWriter(err), false, args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** The JSON a run printed, or its error line when it printed none. */
    private static Object json(Result result) {
        if (result.out().isBlank()) {
            return Map.of("error", result.err().strip());
        }
        return Wire.mapper().readTree(result.out());
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
