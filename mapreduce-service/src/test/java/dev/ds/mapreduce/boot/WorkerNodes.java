package dev.ds.mapreduce.boot;

import dev.ds.testkit.http.LocalHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Workers of an HTTP test, each in its own context on a free port, with quick polling; and plain GETs. */
final class WorkerNodes implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, ConfigurableApplicationContext> workers = new LinkedHashMap<>();

    /** Starts a worker of {@code coordinatorUrl} with its work dir under {@code dir}; answers its base URL. */
    String start(String coordinatorUrl, Path dir, String... settings) {
        int port = LocalHttp.freePort();
        String self = "http://127.0.0.1:" + port;
        List<String> arguments = new ArrayList<>(List.of("--role=worker", "--server.port=" + port,
                "--node.self=" + self, "--mapreduce.coordinator=" + coordinatorUrl,
                "--mapreduce.heartbeat-interval=100ms", "--mapreduce.poll-interval=50ms",
                "--mapreduce.work-dir=" + dir.resolve("worker-" + port)));
        arguments.addAll(List.of(settings));
        workers.put(self, new SpringApplicationBuilder(MapReduceApplication.class).run(arguments.toArray(String[]::new)));
        return self;
    }

    void stop(String self) {
        workers.remove(self).close();
    }

    @Override
    public void close() {
        workers.values().forEach(ConfigurableApplicationContext::close);
        workers.clear();
    }


    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).build()).body();
    }
}
