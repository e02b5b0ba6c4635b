package dev.ds.testkit.history;

/**
 * What a key/value server answered.
 *
 * @param value for a GET, the value read, or null when the server answered that the key does not exist (ErrNoKey);
 *              ignored for PUT and APPEND, whose replies carry no value
 */
public record KvOutput(String value) {

    /** The output recorded for a PUT or APPEND. */
    public static final KvOutput WRITTEN = new KvOutput(null);

    /** The output of a GET that read {@code value}. */
    public static KvOutput read(String value) {
        return new KvOutput(value);
    }

    /** The output of a GET answered with ErrNoKey. */
    public static KvOutput noKey() {
        return new KvOutput(null);
    }
}
