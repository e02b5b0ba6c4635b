package dev.ds.client;

import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A group in which any replica takes any request (the Paxos stores, the shard master): a call goes
 * to the replica that answered last; on silence, a timeout or "not ready" it moves on to the next
 * and tries again until the retry's deadline. Other problems are thrown as they came.
 */
public final class Replicas {

    private static final Set<ErrorCode> TRY_ANOTHER = Set.of(ErrorCode.ErrTimeout, ErrorCode.ErrNotReady);

    private final List<String> replicas;
    private final Retry retry;
    private int current;

    public Replicas(List<String> replicas, Retry retry) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("replicas: at least one");
        }
        this.replicas = List.copyOf(replicas);
        this.retry = retry;
    }

    /** Calls replicas in turn until one answers; {@code call} is one attempt at the replica it is given. */
    public <T> T until(String what, Function<String, Optional<T>> call) {
        return retry.until(what, () -> attempt(call));
    }

    private synchronized <T> Optional<T> attempt(Function<String, Optional<T>> call) {
        try {
            Optional<T> answer = call.apply(replicas.get(current));
            if (answer.isEmpty()) {
                next();
            }
            return answer;
        } catch (ProblemException e) {
            if (!TRY_ANOTHER.contains(e.code())) {
                throw e;
            }
            next();
            return Optional.empty();
        }
    }

    private void next() {
        current = (current + 1) % replicas.size();
    }
}
