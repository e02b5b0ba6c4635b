package dev.ds.rpc;

/** The request of an endpoint that needs no input, such as a GET of the current state. */
public record Empty() {
    public static final Empty INSTANCE = new Empty();
}
