package dev.ds.mapreduce.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of one split of a file, so that splits cut anywhere share out the lines exactly:
 * a split {@code [offset, offset + length)} owns every line that starts inside it and reads the
 * last of them to its end, past the split if need be (Hadoop's rule for text input). Lines end at
 * {@code \n}; a {@code \r} before it is dropped. Input is UTF-8.
 */
public final class SplitLines {

    /** Receives each line, without its terminator. */
    @FunctionalInterface
    public interface LineConsumer {
        void line(String line);
    }

    /** Progress is reported (and cancellation noticed) after about this many bytes. */
    private static final int CHECKPOINT_BYTES = 1 << 16;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;
    private long consumed;

    private SplitLines(InputStream in) {
        this.in = in;
    }

    /**
     * Feeds the lines of the split to {@code consumer}.
     *
     * @param in the file, positioned at {@code offset - 1}, or at 0 when {@code offset} is 0: the
     *     byte before the split says whether a line starts at {@code offset}
     * @return the bytes read from {@code in}
     */
    public static long read(InputStream in, long offset, long length, LineConsumer consumer, TaskControl control)
            throws IOException {
        SplitLines lines = new SplitLines(in);
        long lineStart = offset;
        if (offset > 0) {
            lines.skipLine();
            lineStart = offset - 1 + lines.consumed;
        }
        long end = offset + length;
        long reported = lines.consumed;
        while (lineStart < end) {
            long before = lines.consumed;
            String line = lines.nextLine();
            if (line == null) {
                break;
            }
            consumer.line(line);
            lineStart += lines.consumed - before;
            if (lines.consumed - reported >= CHECKPOINT_BYTES) {
                control.checkpoint(lines.consumed - reported);
                reported = lines.consumed;
            }
        }
        control.checkpoint(lines.consumed - reported);
        return lines.consumed;
    }

    /** Skips to just past the next {@code \n} (the tail of a line that started before the split). */
    private void skipLine() throws IOException {
        while (true) {
            int newline = indexOfNewline(position);
            if (newline >= 0) {
                consumed += newline + 1 - position;
                position = newline + 1;
                return;
            }
            consumed += limit - position;
            position = limit;
            if (!fill()) {
                return;
            }
        }
    }

    /** The next line, or null at the end of the file. */
    private String nextLine() throws IOException {
        int scanned = position;
        while (true) {
            int newline = indexOfNewline(scanned);
            if (newline >= 0) {
                String line = decode(position, newline);
                consumed += newline + 1 - position;
                position = newline + 1;
                return line;
            }
            int kept = limit - position;
            if (!fill()) {
                if (kept == 0) {
                    return null;
                }
                String last = decode(position, limit);
                consumed += kept;
                position = limit;
                return last;
            }
            scanned = position + kept;
        }
    }

    private int indexOfNewline(int from) {
        byte[] b = buffer;
        for (int i = from; i < limit; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private String decode(int from, int newline) {
        int to = newline > from && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        return new String(buffer, from, to - from, StandardCharsets.UTF_8);
    }

    /** Keeps the unread bytes, moved to the front, and reads more after them; false at end of file. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int kept = limit - position;
        if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, kept);
        }
        position = 0;
        limit = kept;
        int got = in.read(buffer, limit, buffer.length - limit);
        if (got < 0) {
            eof = true;
            return false;
        }
        limit += got;
        return true;
    }
}
