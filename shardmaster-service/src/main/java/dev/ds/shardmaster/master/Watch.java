package dev.ds.shardmaster.master;

import dev.ds.api.shardmaster.Config;
import java.util.OptionalLong;

/**
 * How a watch for the configuration after {@code after} is answered from a replica's applied state,
 * without a log entry. The replica waits; this class decides.
 *
 * <ul>
 *   <li><b>Changed</b> as soon as configuration {@code after + 1} is applied here. Configurations
 *       never change once made, so it is the same at every replica, and it is never older than the
 *       one the watcher has: a watcher never goes backwards.
 *   <li><b>No change</b> only when this replica has applied everything the group's log had
 *       reached when the watch began ({@code fence}, a majority's answer), and still has no newer
 *       configuration. Every Join, Leave or Move completed before the watch began was decided by
 *       then, so it is within the fence, and "no change" is a linearizable answer.
 *   <li><b>Unknown</b> otherwise (no majority answered the fence, or this replica has not caught
 *       up with it): the replica answers {@code ErrTimeout} rather than a "no change" that may be stale.
 * </ul>
 */
public final class Watch {

    public enum Kind { CHANGED, NO_CHANGE, UNKNOWN }

    /** @param config configuration {@code after + 1} when {@code kind} is CHANGED, else null */
    public record Answer(Kind kind, Config config) { }

    private Watch() {
    }

    /**
     * The answer now.
     *
     * @param applied the highest instance applied at this replica, read before {@code master} is
     *     consulted, so that the state consulted covers at least that much of the log
     * @param fence how far the group's log had gone when the watch began; empty when unknown
     */
    public static Answer settle(ShardMaster master, long after, long applied, OptionalLong fence) {
        Config next = master.after(after).orElse(null);
        if (next != null) {
            if (next.num() != after + 1) {
                throw new IllegalStateException("a watch after " + after + " found configuration " + next.num());
            }
            return new Answer(Kind.CHANGED, next);
        }
        boolean fenced = fence.isPresent() && applied >= fence.getAsLong();
        return new Answer(fenced ? Kind.NO_CHANGE : Kind.UNKNOWN, null);
    }
}
