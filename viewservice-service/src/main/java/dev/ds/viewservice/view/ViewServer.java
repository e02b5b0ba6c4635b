package dev.ds.viewservice.view;

import dev.ds.api.view.View;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who is primary and who is backup, following the rules of 6.824 lab 2A.
 *
 * <ol>
 *   <li><b>Liveness.</b> A server is alive while it has pinged within the last {@code deadPings}
 *       ticks.
 *   <li><b>Restart.</b> A server in the view that pings 0 has restarted and lost its data: it
 *       counts as failed in its role, and may come back as an idle server. For the backup this
 *       holds once the primary has acknowledged the view: a primary hands state to its backup only
 *       after that acknowledgement, so before it a backup's 0 only means it has not heard of the
 *       view yet, and it has lost nothing.
 *   <li><b>Acknowledgement.</b> The view moves from i to i+1 only after the primary of view i has
 *       pinged with i. Otherwise a primary could miss the view that demotes it, and two servers
 *       would both think they are primary.
 *   <li><b>Promotion.</b> Only the backup of the acknowledged current view may become primary: it
 *       is the only server that holds the data. If there is none, the service waits rather than
 *       make an uninitialized server primary.
 *   <li><b>Backup.</b> An empty or failed backup slot is filled with the idle server that has been
 *       pinging longest.
 * </ol>
 *
 * <p>The first view is the one exception to rule 3: the first server to ping becomes primary of
 * view 1, since no data exists yet. Every handler is a short synchronous transition under the
 * object's lock.
 */
public final class ViewServer {

    private static final Logger log = LoggerFactory.getLogger(ViewServer.class);

    private final int deadPings;
    private long now;
    private View view = View.INITIAL;
    private boolean primaryAcked;
    /** Tick of each server's latest ping, in the order servers were first seen. */
    private final Map<String, Long> lastPing = new LinkedHashMap<>();
    /** Servers of the current view that have pinged 0 since it began: they lost their data. */
    private final Set<String> restarted = new HashSet<>();
    private long pings;
    private long viewChanges;

    public ViewServer(int deadPings) {
        if (deadPings < 1) {
            throw new IllegalArgumentException("deadPings must be at least 1, was " + deadPings);
        }
        this.deadPings = deadPings;
    }

    /** A server's heartbeat: records it, applies the rules, and answers the (possibly new) view. */
    public synchronized View ping(String server, long viewnum) {
        pings++;
        lastPing.put(server, now);
        if (viewnum == 0 && hasLostData(server)) {
            restarted.add(server);
        }
        if (view.isPrimary(server) && viewnum == view.viewnum()) {
            primaryAcked = true;
        }
        decide();
        return view;
    }

    /** One ping interval has passed. */
    public synchronized void tick() {
        now++;
        decide();
    }

    public synchronized View view() {
        return view;
    }

    public synchronized Status status() {
        return new Status(view, primaryAcked, pings, viewChanges);
    }

    /**
     * A snapshot for health and metrics.
     *
     * @param primaryAcked whether the primary has acknowledged {@code view}
     * @param pings pings received since start
     * @param viewChanges views decided since start
     */
    public record Status(View view, boolean primaryAcked, long pings, long viewChanges) { }

    /** Applies the rules once; at most one view change per call, as each needs a fresh ack. */
    private void decide() {
        if (view.viewnum() == 0) {
            firstAlive().ifPresent(first -> change(first, null, "first primary"));
            return;
        }
        if (!primaryAcked) {
            return;
        }
        String primary = view.primary();
        String backup = view.backup();
        boolean backupOk = backup != null && healthy(backup);
        if (!healthy(primary)) {
            if (backupOk) {
                change(backup, idleExcept(backup).orElse(null), "primary " + why(primary) + ", backup promoted");
            }
            return;
        }
        if (backup != null && !backupOk) {
            change(primary, idleExcept(primary).orElse(null), "backup " + why(backup));
        } else if (backup == null) {
            idleExcept(primary).ifPresent(idle -> change(primary, idle, "idle server becomes backup"));
        }
    }

    private void change(String primary, String backup, String reason) {
        View next = new View(view.viewnum() + 1, primary, backup);
        checkInvariants(next);
        log.info("view {}: primary={} backup={} ({}; was view {} primary={} backup={})",
                next.viewnum(), primary, backup, reason, view.viewnum(), view.primary(), view.backup());
        view = next;
        primaryAcked = false;
        restarted.clear();
        viewChanges++;
    }

    /** View numbers go up by one, and a new primary is the old primary or the old backup (or the first server). */
    private void checkInvariants(View next) {
        if (next.viewnum() != view.viewnum() + 1) {
            throw new IllegalStateException("view number must move up by one: " + view + " -> " + next);
        }
        boolean continuity = view.viewnum() == 0
                || next.primary().equals(view.primary()) || next.primary().equals(view.backup());
        if (!continuity) {
            throw new IllegalStateException("uninitialized server made primary: " + view + " -> " + next);
        }
    }

    private boolean healthy(String server) {
        return alive(server) && !restarted.contains(server);
    }

    private String why(String server) {
        return restarted.contains(server) ? "restarted" : "dead";
    }

    private boolean alive(String server) {
        Long last = lastPing.get(server);
        return last != null && now - last < deadPings;
    }

    /**
     * Rule 2: whether a 0 from this server means it lost data it held in its role. The first primary
     * pings 0 until it hears of view 1, and that is no restart: it held nothing before.
     */
    private boolean hasLostData(String server) {
        if (view.isPrimary(server)) {
            return !(view.viewnum() == 1 && !primaryAcked);
        }
        return view.isBackup(server) && primaryAcked;
    }

    private Optional<String> firstAlive() {
        return lastPing.keySet().stream().filter(this::alive).findFirst();
    }

    /**
     * The server to fill the backup slot: the one pinging longest that is alive and is not the
     * (new) primary. A restarted server qualifies again, since the primary sends it the whole state
     * when the view changes.
     */
    private Optional<String> idleExcept(String primary) {
        return lastPing.keySet().stream().filter(s -> !s.equals(primary) && alive(s)).findFirst();
    }
}
