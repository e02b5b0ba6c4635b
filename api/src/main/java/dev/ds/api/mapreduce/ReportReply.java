package dev.ds.api.mapreduce;

/**
 * @param accepted whether the attempt's result counts. A map attempt that is not accepted deletes
 *     its output; a reduce attempt's output was renamed into place only if accepted.
 */
public record ReportReply(boolean accepted) {
}
