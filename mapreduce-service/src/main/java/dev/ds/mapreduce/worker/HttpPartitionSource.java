package dev.ds.mapreduce.worker;

import dev.ds.api.mapreduce.MapOutput;
import dev.ds.api.mapreduce.MapReduceApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches map outputs from other workers over HTTP, streamed. This is the one transfer that does
 * not go through the JSON {@link dev.ds.rpc.RpcClient}: a partition is bulk bytes. It keeps the
 * same rules: the cluster secret as a bearer token, the chaos cut of {@code blockedPeers}, and any
 * failure or non-200 answer is "no reply".
 */
public final class HttpPartitionSource implements PartitionSource {

    private static final Logger log = LoggerFactory.getLogger(HttpPartitionSource.class);

    private final HttpClient http;
    private final Duration readTimeout;
    private final String bearer;
    private final Predicate<String> blocked;

    /**
     * @param secret the cluster secret, or blank for none
     * @param blocked whether a peer is cut off by the chaos settings
     */
    public HttpPartitionSource(
            Duration connectTimeout, Duration readTimeout, String secret, Predicate<String> blocked) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.readTimeout = readTimeout;
        this.bearer = secret == null || secret.isBlank() ? null : "Bearer " + secret.trim();
        this.blocked = blocked;
    }

    @Override
    public Optional<InputStream> open(String job, MapOutput output, int reduce) {
        if (blocked.test(output.worker())) {
            return Optional.empty();
        }
        URI uri = URI.create(output.worker() + MapReduceApi.partitionPath(job, output.attempt(), reduce));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() == 200) {
                return Optional.of(response.body());
            }
            response.body().close();
            log.debug("GET {} answered {}", uri, response.statusCode());
        } catch (IOException e) {
            log.debug("GET {} failed: {}", uri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
