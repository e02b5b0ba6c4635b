package dev.ds.rpc;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping shared by HTTP and the in-memory network.
 *
 * <p>Spring's HTTP message converters are configured with {@link #configure} too (see
 * spring-support), so a message that round-trips on the in-memory network round-trips over HTTP.
 * Unknown members are ignored so that a newer node can talk to an older one. A missing primitive
 * member takes its default (so a partial chaos setting is fine); a wire type whose member is
 * required declares it boxed and rejects null in its record constructor.
 */
public final class Wire {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private Wire() {
    }

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The mapper for code that runs without Spring: the in-memory network, the client library. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
