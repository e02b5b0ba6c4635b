package dev.ds.spring.testapp;

import dev.ds.rpc.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * A raw HTTP/1.1 caller for the test node, on 127.0.0.1. It is the JDK client rather than the
 * node's own {@code RpcClient}, because the chaos tests must see the difference between an answer,
 * a closed connection ({@link IOException}) and a timeout, which the RpcClient deliberately hides.
 * The JDK client never retries a POST, so a POST that failed was sent exactly once.
 */
public final class NodeHttp {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String baseUrl;

    public NodeHttp(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Answer get(String path, String... headers) throws IOException {
        return send("GET", path, null, headers);
    }

    public Answer delete(String path, String... headers) throws IOException {
        return send("DELETE", path, null, headers);
    }

    public Answer post(String path, String json, String... headers) throws IOException {
        return send("POST", path, json, headers);
    }

    public Answer put(String path, String json, String... headers) throws IOException {
        return send("PUT", path, json, headers);
    }

    /** Sends one request; {@code headers} are name/value pairs. Throws when no answer came back. */
    public Answer send(String method, String path, String json, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (json != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        try {
            var response = client.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The {@code Authorization} header pair that carries the test cluster secret. */
    public static String[] withSecret() {
        return new String[] {"Authorization", "Bearer " + TestApi.SECRET};
    }

    public record Answer(int status, String contentType, String body) {

        public Map<String, Object> json() {
            try {
                return Wire.mapper().readValue(body, MAP);
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new IOException("not JSON (" + status + "): " + body, e));
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
