package dev.ds.dsctl;

import dev.ds.rpc.ErrorCode;

/** The exit codes of {@code dsctl}, as its {@code --help} lists them: stable, for scripts. */
final class ExitCodes {

    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    static final int NO_ANSWER = 4;
    static final int UNHEALTHY = 5;

    private ExitCodes() {
    }

    static int of(ErrorCode code) {
        return switch (code) {
            case ErrNoKey, ErrNotFound -> NOT_FOUND;
            case ErrTimeout, ErrNotReady -> NO_ANSWER;
            case ErrBadRequest, ErrTooLarge -> USAGE;
            default -> ERROR;
        };
    }
}
