package dev.ds.mapreduce.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes key/value records in the intermediate format: per record, the key's and the value's UTF-8
 * bytes, each preceded by its length as an unsigned LEB128 varint. A run is a sequence of records
 * sorted by key; the format needs no escaping, so keys and values may hold any character.
 */
public final class RecordWriter implements AutoCloseable {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private long written;

    public RecordWriter(OutputStream out) {
        this.out = out;
    }

    public void write(String key, String value) throws IOException {
        bytes(key.getBytes(StandardCharsets.UTF_8));
        bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] data) throws IOException {
        if (used + 5 + data.length > buffer.length) {
            flushBuffer();
        }
        int length = data.length;
        while (length >= 0x80) {
            buffer[used++] = (byte) (length | 0x80);
            length >>>= 7;
        }
        buffer[used++] = (byte) length;
        if (data.length > buffer.length - used) {
            flushBuffer();
            out.write(data);
            written += data.length;
        } else {
            System.arraycopy(data, 0, buffer, used, data.length);
            used += data.length;
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, used);
        written += used;
        used = 0;
    }

    /** Bytes written so far, buffered ones included. */
    public long bytesWritten() {
        return written + used;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flushBuffer();
        }
    }
}
