package dev.ds.paxos.api;

/**
 * Checks shared by the wire records. Each message names the field first, so that a node answering
 * a malformed request says which field is wrong (the {@code detail} of its 400).
 */
final class Fields {

    private Fields() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must be given");
        }
        return value;
    }

    /** An instance number: 0 or more. */
    static void seq(Long seq) {
        if (required("seq", seq) < 0) {
            throw new IllegalArgumentException("seq: must be >= 0, was " + seq);
        }
    }

    /** A peer index: 0 or more (the upper bound is the receiving peer's to check). */
    static void peer(String field, Integer peer) {
        if (required(field, peer) < 0) {
            throw new IllegalArgumentException(field + ": must be a peer index >= 0, was " + peer);
        }
    }

    /** A done value: -1 (nothing done yet) or more. */
    static void done(Long done) {
        if (required("done", done) < -1) {
            throw new IllegalArgumentException("done: must be >= -1, was " + done);
        }
    }

    static void nonNegative(String field, Long value) {
        if (required(field, value) < 0) {
            throw new IllegalArgumentException(field + ": must be >= 0, was " + value);
        }
    }
}
