package dev.ds.api.kv;

/**
 * A key/value store as its node serves it. Errors are {@link dev.ds.rpc.ProblemException}s with
 * contract codes ({@code ErrNoKey}, {@code ErrWrongServer}, {@code ErrTimeout}, ...).
 */
public interface KvService {

    KvValue get(String key);

    WriteResult write(KvWrite write);
}
