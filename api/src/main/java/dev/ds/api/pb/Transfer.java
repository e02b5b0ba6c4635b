package dev.ds.api.pb;

import java.util.Map;

/**
 * The primary's whole state for a new backup: the data and the at-most-once table (latest seq
 * and answer per client).
 */
public record Transfer(long viewnum, String primary, Map<String, String> data, Map<String, Applied> applied) {

    /** A client's latest applied write: its seq. Writes answer with the key only, so seq is all the answer needs. */
    public record Applied(long seq) {
    }
}
