package dev.ds.rpc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * One remote call of a protocol, described once and used by both transports.
 *
 * <p>{@code name} identifies the endpoint on the in-memory network and in metrics; {@code verb}
 * and {@code path} say how it travels over HTTP. For endpoints whose path carries part of the
 * request (a key, a configuration number), {@code path} computes it from the request.
 *
 * @param <Q> the request type
 * @param <R> the reply type
 */
public record Endpoint<Q, R>(
        String name, Verb verb, String pathTemplate, Class<Q> requestType, Class<R> replyType,
        Function<Q, String> path) {

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(replyType, "replyType");
        Objects.requireNonNull(path, "path");
    }

    /** A POST with a JSON body to a fixed path: the shape of every node-to-node call. */
    public static <Q, R> Endpoint<Q, R> post(String name, String path, Class<Q> request, Class<R> reply) {
        return new Endpoint<>(name, Verb.POST, path, request, reply, q -> path);
    }

    /** A GET of a fixed path that needs no input. */
    public static <R> Endpoint<Empty, R> get(String name, String path, Class<R> reply) {
        return new Endpoint<>(name, Verb.GET, path, Empty.class, reply, q -> path);
    }

    /** An endpoint whose path is computed from the request, such as {@code /api/kv/{key}}. */
    public static <Q, R> Endpoint<Q, R> of(
            String name, Verb verb, String pathTemplate, Class<Q> request, Class<R> reply,
            Function<Q, String> path) {
        return new Endpoint<>(name, verb, pathTemplate, request, reply, path);
    }

    /** The path for this request, with every variable part already percent-encoded. */
    public String pathFor(Q request) {
        return path.apply(request);
    }

    /** Percent-encodes one path segment, spaces as {@code %20}: keys may hold any character. */
    public static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return name + " (" + verb + " " + pathTemplate + ")";
    }
}
