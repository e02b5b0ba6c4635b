package dev.ds.rpc;

/**
 * The machine-readable error codes of CONTRACT.md section 2, with their HTTP status.
 *
 * <p>{@code ErrUnauthorized}, {@code ErrMethodNotAllowed} and {@code ErrInternal} are not in the
 * contract's list; they name the answers a node gives for a missing cluster secret, a wrong verb
 * and a bug, so that every error body still carries a {@code code}.
 */
public enum ErrorCode {
    ErrNoKey(404),
    ErrWrongServer(421),
    ErrWrongGroup(421),
    ErrTimeout(503),
    ErrNotReady(503),
    ErrNotFound(404),
    ErrBadRequest(400),
    ErrTooLarge(413),
    ErrUnauthorized(401),
    ErrMethodNotAllowed(405),
    ErrInternal(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * The generic code a bare HTTP status stands for: for an error Spring MVC raised itself (an
     * unknown path is {@code ErrNotFound}, not {@code ErrNoKey}), or a peer's answer without a
     * problem body.
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> ErrUnauthorized;
            case 404 -> ErrNotFound;
            case 405 -> ErrMethodNotAllowed;
            case 413 -> ErrTooLarge;
            case 421 -> ErrWrongServer;
            case 503 -> ErrNotReady;
            default -> status >= 500 ? ErrInternal : ErrBadRequest;
        };
    }
}
