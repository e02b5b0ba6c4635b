package dev.ds.api.view;

/**
 * A view: its number and the servers that are primary and backup in it ({@code null} when none).
 * View 0 is the initial view with no servers.
 */
public record View(long viewnum, String primary, String backup) {

    public static final View INITIAL = new View(0, null, null);

    public View {
        if (viewnum < 0) {
            throw new IllegalArgumentException("viewnum: must be >= 0, was " + viewnum);
        }
    }

    public boolean isPrimary(String server) {
        return server != null && server.equals(primary);
    }

    public boolean isBackup(String server) {
        return server != null && server.equals(backup);
    }
}
