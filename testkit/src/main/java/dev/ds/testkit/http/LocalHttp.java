package dev.ds.testkit.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for tests that run real nodes on 127.0.0.1. */
public final class LocalHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalHttp() {
    }

    /**
     * A port that was free a moment ago, below the kernel's range for outgoing connections (32768
     * and up on Linux): a port from that range can be taken, before the node binds it, by one of
     * the many connections the nodes already up are making (to peers that are not up yet).
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 15_000 + RANDOM.nextInt(17_000);
            if (bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} distinct free ports. */
    public static List<Integer> freePorts(int n) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < n) {
            int port = freePort();
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
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
