package dev.ds.paxoskv.kv;

/** What applying a command answers: for a read, the value or null when the key has none. */
public record KvResult(String value) {

    public static final KvResult WRITTEN = new KvResult(null);
}
