package dev.ds.rpc;

import java.time.Duration;
import java.util.Optional;

/**
 * The one seam between a protocol and the network.
 *
 * <p>{@code Optional.empty()} means "no reply": the request or the reply was lost, the peer is
 * dead, deaf, partitioned away or too slow, or it failed with a 5xx. As in 6.824, the caller cannot
 * tell these apart and must not assume the request was not executed. An application error that the
 * peer did answer (a 4xx problem with a {@code code}) is thrown as a {@link ProblemException}.
 */
public interface RpcClient {

    /**
     * Sends {@code request} to the node whose base URL (or in-memory address) is {@code to}.
     *
     * @throws ProblemException when the peer answered with an application error
     */
    <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request);

    /**
     * As {@link #call(String, Endpoint, Object)}, but waits up to {@code readTimeout} for the answer
     * instead of the transport's default: for a call that the peer holds on purpose, a long poll
     * such as the shard master's watch. A transport without timeouts of its own ignores it.
     *
     * @throws ProblemException when the peer answered with an application error
     */
    default <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request, Duration readTimeout) {
        return call(to, endpoint, request);
    }
}
