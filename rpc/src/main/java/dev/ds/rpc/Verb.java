package dev.ds.rpc;

/** The HTTP verbs our endpoints use. GET and DELETE carry no body: their request lives in the path. */
public enum Verb {
    GET(false),
    POST(true),
    PUT(true),
    DELETE(false);

    private final boolean hasBody;

    Verb(boolean hasBody) {
        this.hasBody = hasBody;
    }

    public boolean hasBody() {
        return hasBody;
    }
}
