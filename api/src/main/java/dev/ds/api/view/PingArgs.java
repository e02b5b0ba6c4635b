package dev.ds.api.view;

/**
 * A key/value server's heartbeat.
 *
 * @param server the pinging server's base URL, its identity in views
 * @param viewnum the latest view number it knows; 0 when it has just (re)started
 */
public record PingArgs(String server, Long viewnum) {

    public PingArgs {
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("server: must be given (the pinging server's base URL)");
        }
        if (viewnum == null) {
            throw new IllegalArgumentException("viewnum: must be given (0 after a restart)");
        }
        if (viewnum < 0) {
            throw new IllegalArgumentException("viewnum: must be >= 0, was " + viewnum);
        }
    }

    public PingArgs(String server, long viewnum) {
        this(server, Long.valueOf(viewnum));
    }
}
