package dev.ds.paxos.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A value Paxos agrees on: opaque bytes, immutable, compared by content. On the wire it is a base64
 * string. Applications encode their own operations into it (see {@code dev.ds.paxos.ValueCodec}).
 */
public final class Value {

    private final byte[] bytes;
    private final int hash;

    private Value(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** A value holding a copy of {@code bytes}. */
    @JsonCreator
    public static Value of(byte[] bytes) {
        return new Value(Objects.requireNonNull(bytes, "value").clone());
    }

    /** A copy of the bytes. */
    @JsonValue
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The bytes without copying them, read-only. */
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Value v && hash == v.hash && Arrays.equals(bytes, v.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Short on purpose: values can be megabytes, and they appear in log lines. */
    @Override
    public String toString() {
        return "Value(" + bytes.length + " bytes, #" + Integer.toHexString(hash) + ")";
    }
}
