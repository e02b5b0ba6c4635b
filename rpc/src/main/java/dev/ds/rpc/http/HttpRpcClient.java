package dev.ds.rpc.http;

import dev.ds.rpc.Empty;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.Problem;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Target;
import feign.hc5.ApacheHttp5Client;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link RpcClient} over HTTP: Feign on a pooled Apache HttpClient 5.
 *
 * <p>Feign never retries and HttpClient never retries: whether to send a request again is the
 * protocol's decision, because only the protocol knows whether it is safe.
 */
public final class HttpRpcClient implements RpcClient, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpRpcClient.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JsonMapper mapper;
    private final CloseableHttpClient httpClient;
    private final RawHttp http;
    private final HttpSettings settings;
    private final Request.Options defaultOptions;

    public HttpRpcClient(JsonMapper mapper, HttpSettings settings) {
        this.mapper = mapper;
        this.settings = settings;
        this.defaultOptions = options(settings.readTimeout());
        this.httpClient = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(settings.maxConnections())
                        .setMaxConnPerRoute(Math.max(1, settings.maxConnections() / 4))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        Feign.Builder builder = Feign.builder()
                .client(new ApacheHttp5Client(httpClient))
                .retryer(Retryer.NEVER_RETRY)
                .options(defaultOptions);
        if (settings.bearerToken() != null) {
            String header = "Bearer " + settings.bearerToken();
            builder.requestInterceptor(template -> template.header("Authorization", header));
        }
        this.http = builder.target(Target.EmptyTarget.create(RawHttp.class));
    }

    private Request.Options options(Duration readTimeout) {
        return new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                readTimeout.toMillis(), TimeUnit.MILLISECONDS, false);
    }

    @Override
    public <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request) {
        return call(to, endpoint, request, defaultOptions);
    }

    @Override
    public <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request, Duration readTimeout) {
        return call(to, endpoint, request, options(readTimeout));
    }

    private <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request, Request.Options options) {
        URI uri = URI.create(stripSlash(to) + endpoint.pathFor(request));
        try (Response response = send(uri, endpoint, request, options)) {
            int status = response.status();
            byte[] body = readBody(response);
            if (status >= 200 && status < 300) {
                return Optional.of(parseReply(endpoint, body));
            }
            if (status >= 400 && status < 500) {
                throw problem(status, body).toException();
            }
            log.debug("{} {} answered {}: no reply", endpoint.verb(), uri, status);
            return Optional.empty();
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            log.debug("{} {} failed: {}", endpoint.verb(), uri, e.toString());
            return Optional.empty();
        }
    }

    private <Q> Response send(URI uri, Endpoint<Q, ?> endpoint, Q request, Request.Options options) {
        return switch (endpoint.verb()) {
            case GET -> http.get(uri, options);
            case DELETE -> http.delete(uri, options);
            case POST -> http.post(uri, mapper.writeValueAsBytes(request), options);
            case PUT -> http.put(uri, mapper.writeValueAsBytes(request), options);
        };
    }

    private static byte[] readBody(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readAllBytes();
        }
    }

    private <R> R parseReply(Endpoint<?, R> endpoint, byte[] body) {
        if (body.length == 0 && endpoint.replyType() == Empty.class) {
            return endpoint.replyType().cast(Empty.INSTANCE);
        }
        return mapper.readValue(body, endpoint.replyType());
    }

    private Problem problem(int status, byte[] body) {
        try {
            return Problem.fromMap(status, body.length == 0 ? Map.of() : mapper.readValue(body, MAP));
        } catch (JacksonException notJson) {
            return Problem.fromMap(status, Map.of("detail", "HTTP " + status));
        }
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public void close() {
        httpClient.close(CloseMode.GRACEFUL);
    }
}
