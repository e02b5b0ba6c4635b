package dev.ds.mapreduce.app;

/**
 * A reusable window on part of a line, for {@link Emitter#emit(CharSequence, String)}: a map
 * function that emits words of its line through one window makes no string for a word the
 * framework has already seen. The framework compares and hashes a window without going through
 * {@link #charAt} one character at a time.
 */
public final class LineWindow implements CharSequence {

    private final String line;
    private int start;
    private int end;
    private int hash;

    public LineWindow(String line) {
        this.line = line;
    }

    /** Moves the window to {@code line[from, to)}. */
    public LineWindow set(int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + line.charAt(i);
        }
        return set(from, to, h);
    }

    /** Moves the window to {@code line[from, to)}, whose {@link String#hashCode()} the caller already knows. */
    public LineWindow set(int from, int to, int stringHash) {
        this.start = from;
        this.end = to;
        this.hash = stringHash;
        return this;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        return line.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return line.substring(start + from, start + to);
    }

    /** Whether {@code chars[offset...]} holds the window's characters; the caller has checked the length. */
    public boolean contentEquals(char[] chars, int offset) {
        for (int i = start, j = offset; i < end; i++, j++) {
            if (line.charAt(i) != chars[j]) {
                return false;
            }
        }
        return true;
    }

    /** {@link String#hashCode()} of the window's characters. */
    public int stringHash() {
        return hash;
    }

    @Override
    public String toString() {
        return line.substring(start, end);
    }
}
