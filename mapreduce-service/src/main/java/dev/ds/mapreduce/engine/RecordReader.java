package dev.ds.mapreduce.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the records that {@link RecordWriter} wrote, one at a time. */
public final class RecordReader implements AutoCloseable {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private String key;
    private String value;

    public RecordReader(InputStream in) {
        this.in = in;
    }

    /** Moves to the next record; false at the end of the run. */
    public boolean next() throws IOException {
        if (!fill(1)) {
            key = null;
            value = null;
            return false;
        }
        key = string();
        value = string();
        return true;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    private String string() throws IOException {
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            if (!fill(1)) {
                throw new EOFException("run ends inside a record");
            }
            int b = buffer[position++];
            length |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (length <= buffer.length) {
            if (!fill(length)) {
                throw new EOFException("run ends inside a record");
            }
            String s = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }
        byte[] large = new byte[length];
        int have = limit - position;
        System.arraycopy(buffer, position, large, 0, have);
        position = limit;
        int got = in.readNBytes(large, have, length - have);
        if (have + got < length) {
            throw new EOFException("run ends inside a record");
        }
        return new String(large, StandardCharsets.UTF_8);
    }

    /** Makes at least {@code n} bytes (at most a buffer) available; false if the stream ends first. */
    private boolean fill(int n) throws IOException {
        if (limit - position >= n) {
            return true;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < n) {
            int got = in.read(buffer, limit, buffer.length - limit);
            if (got < 0) {
                return false;
            }
            limit += got;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
