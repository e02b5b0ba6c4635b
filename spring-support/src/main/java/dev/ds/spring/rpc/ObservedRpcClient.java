package dev.ds.spring.rpc;

import dev.ds.rpc.Endpoint;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import dev.ds.spring.chaos.ChaosState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The outbound half of the chaos model and the client-side RPC metrics, around the HTTP client.
 *
 * <p>A call to a peer in {@code blockedPeers} fails at once, as if the network were cut. Every
 * call is timed in {@code ds.rpc.client} by endpoint and outcome ({@code reply}, {@code no_reply},
 * {@code problem}, {@code blocked}), so an operator sees lost messages as well as latency.
 */
final class ObservedRpcClient implements RpcClient {

    private final RpcClient delegate;
    private final ChaosState chaos;
    private final MeterRegistry registry;

    ObservedRpcClient(RpcClient delegate, ChaosState chaos, MeterRegistry registry) {
        this.delegate = delegate;
        this.chaos = chaos;
        this.registry = registry;
    }

    @Override
    public <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request) {
        return observed(to, endpoint, () -> delegate.call(to, endpoint, request));
    }

    @Override
    public <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request, Duration readTimeout) {
        return observed(to, endpoint, () -> delegate.call(to, endpoint, request, readTimeout));
    }

    private <R> Optional<R> observed(String to, Endpoint<?, R> endpoint, Supplier<Optional<R>> call) {
        if (chaos.blocks(to)) {
            record(endpoint, "blocked", 0);
            return Optional.empty();
        }
        long start = System.nanoTime();
        String outcome = "no_reply";
        try {
            Optional<R> reply = call.get();
            outcome = reply.isPresent() ? "reply" : "no_reply";
            return reply;
        } catch (ProblemException e) {
            outcome = "problem";
            throw e;
        } finally {
            record(endpoint, outcome, System.nanoTime() - start);
        }
    }

    private void record(Endpoint<?, ?> endpoint, String outcome, long nanos) {
        Timer.builder("ds.rpc.client")
                .description("Outbound node-to-node calls by endpoint and outcome")
                .tag("endpoint", endpoint.name())
                .tag("outcome", outcome)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
