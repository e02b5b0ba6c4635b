package dev.ds.testkit.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for tests that run real nodes on 127.0.0.1. */
public final class LocalHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalHttp() {
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} free ports. */
    public static List<Integer> freePorts(int n) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(freePort());
        }
        return ports;
    }

    /** The base URL {@code http://127.0.0.1:port} of each port. */
    public static List<String> baseUrls(List<Integer> ports) {
        return ports.stream().map(port -> "http://127.0.0.1:" + port).toList();
    }

    /** The body of a GET, or "" when the node does not answer (not up yet, or down). */
    public static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    /** The body of the answer, or "" when the node does not answer. */
    public static String send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
