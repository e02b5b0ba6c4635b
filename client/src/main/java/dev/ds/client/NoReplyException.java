package dev.ds.client;

/** Nothing answered before the deadline: the outcome of a write sent meanwhile is unknown. */
public class NoReplyException extends RuntimeException {

    public NoReplyException(String message) {
        super(message);
    }
}
