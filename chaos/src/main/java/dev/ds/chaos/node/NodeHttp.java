package dev.ds.chaos.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP to a node with a deadline on every call, for the chaos API, health checks and the
 * fuzzer: an answer that does not come in time is {@link Answer#NONE}, never a hang.
 */
public final class NodeHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private NodeHttp() {
    }

    /** A node's answer; status -1 when none came (refused, closed, timed out). */
    public record Answer(int status, String contentType, String body) {

        public static final Answer NONE = new Answer(-1, "", "");

        public boolean answered() {
            return status > 0;
        }
    }

    public static Answer get(String url, Duration timeout) {
        return send("GET", url, null, null, timeout);
    }

    /** Sends {@code body} (null for none) with {@code contentType} (null for no header). */
    public static Answer send(String method, String url, byte[] body, String contentType, Duration timeout) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            return Answer.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.NONE;
        }
    }

    /** Sends a JSON body. */
    public static Answer json(String method, String url, String json, Duration timeout) {
        return send(method, url, json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json", timeout);
    }
}
