package dev.ds.api.mapreduce;

/**
 * The input of one map task: bytes {@code [offset, offset + length)} of file {@code path}. The task
 * owns every line that starts inside that range, and reads the last one past its end, so a line is
 * never cut in two and belongs to exactly one split.
 */
public record Split(String path, long offset, long length) {

    public Split {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path: must be given");
        }
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset, length: must be >= 0, were " + offset + ", " + length);
        }
    }
}
