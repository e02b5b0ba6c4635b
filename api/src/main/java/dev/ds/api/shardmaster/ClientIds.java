package dev.ds.api.shardmaster;

/** The optional {@code clientId}/{@code seq} pair of a Join, Leave or Move, checked the way key/value writes check it. */
final class ClientIds {

    private ClientIds() {
    }

    static void check(String clientId, Long seq) {
        if (clientId != null && (clientId.isEmpty() || clientId.length() > 128)) {
            throw new IllegalArgumentException("clientId: must be 1 to 128 characters");
        }
        if ((clientId == null) != (seq == null)) {
            throw new IllegalArgumentException("seq: clientId and seq go together");
        }
        if (seq != null && seq < 1) {
            throw new IllegalArgumentException("seq: must be positive, was " + seq);
        }
    }

    static void requirePositive(long gid) {
        if (gid <= 0) {
            throw new IllegalArgumentException("gid: must be positive, was " + gid);
        }
    }
}
