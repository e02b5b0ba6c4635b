package dev.ds.rpc;

import java.util.Map;
import java.util.Objects;

/**
 * An application error with a contract {@link ErrorCode}.
 *
 * <p>The same exception travels both ways: a handler throws it to answer with an RFC 9457 problem,
 * and an {@link RpcClient} throws it when a peer answered with one. {@code properties} carries the
 * extra members some codes define, such as {@code shard} and {@code gid} of {@code ErrWrongGroup}.
 */
public class ProblemException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> properties;

    public ProblemException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public ProblemException(ErrorCode code, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.properties = Map.copyOf(properties);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(ErrorCode.ErrBadRequest, detail);
    }

    @Override
    public String toString() {
        return code + ": " + getMessage() + (properties.isEmpty() ? "" : " " + properties);
    }
}
