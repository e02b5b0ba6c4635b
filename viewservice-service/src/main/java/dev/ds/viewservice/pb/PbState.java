package dev.ds.viewservice.pb;

import dev.ds.api.AtMostOnce;
import dev.ds.api.kv.KvValue;
import dev.ds.api.kv.KvWrite;
import dev.ds.api.pb.Confirm;
import dev.ds.api.pb.Forward;
import dev.ds.api.pb.PbAck;
import dev.ds.api.pb.Transfer;
import dev.ds.api.view.View;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a primary/backup server and its rules (listed in {@link PbServer}) as short
 * synchronous transitions: no calls, no threads, no clock. {@link PbServer} makes the calls (pings,
 * forwards, confirmations, transfers) between transitions, holding no lock across them; a
 * transition that depends on a call made since the last one checks that the view it was made in
 * is still the one here ({@link Ticket}), and a state transfer waits until no admitted request is
 * in flight, as a lock would have made it wait.
 */
public final class PbState {

    private static final Logger log = LoggerFactory.getLogger(PbState.class);

    private final String me;
    private final Map<String, String> data = new HashMap<>();
    private final AtMostOnce<Void> applied = new AtMostOnce<>();
    private final RecentIds forwardedRequests = new RecentIds();

    private View view = View.INITIAL;
    /** The view whose acknowledgement the view service has answered: state may move to its backup. */
    private long acknowledged;
    /** Primary: whether its data is the service's state (rule 7). */
    private boolean hasState;
    /** Backup: the view whose state transfer it holds. */
    private long transferredIn = -1;
    /** Primary: whether the backup of this view holds the state (rule 5). */
    private boolean backupReady;
    /** Primary: client requests admitted and not yet answered; a transfer copies the state only when there are none. */
    private int inFlight;
    private long newestViewnum;
    private long requestIds;
    private long forwards;
    private long transfers;

    public PbState(String me) {
        this.me = me;
    }

    /**
     * What a primary's request was admitted under: the view. A write is applied, and a read
     * answered, only if the view is unchanged once the backup has answered; every ticket is given
     * back ({@link #done}) when its request ends, however it ends.
     */
    public record Ticket(View view) { }

    // ---- Rules 1 and 7: views ----

    public synchronized long viewnum() {
        return view.viewnum();
    }

    /** Whether a peer speaks of a view newer than this server's. */
    public synchronized boolean isBehind(long viewnum) {
        return viewnum > view.viewnum();
    }

    /** The newest view number heard of: a primary stops waiting for its backup once its view is over. */
    public synchronized long newestViewnum() {
        return newestViewnum;
    }

    public synchronized void adopt(View next) {
        View previous = view;
        if (next.viewnum() <= previous.viewnum()) {
            return;
        }
        newestViewnum = Math.max(newestViewnum, next.viewnum());
        if (next.isPrimary(me) && !previous.isPrimary(me)) {
            hasState = promotedWithState(previous, next);
            if (!hasState) {
                log.error("{}: made primary of view {} without holding the state of view {}; refusing to serve",
                        me, next.viewnum(), previous.viewnum());
            }
        }
        view = next;
        backupReady = next.backup() == null;
        log.info("{}: view {} role={} primary={} backup={} (was view {})",
                me, next.viewnum(), Role.in(next, me), next.primary(), next.backup(), previous.viewnum());
    }

    /** Rule 7: the first primary (empty state is the state), or the backup that held the previous view's state. */
    private boolean promotedWithState(View previous, View next) {
        if (next.viewnum() == 1) {
            return true;
        }
        return previous.isBackup(me) && transferredIn == previous.viewnum() && next.viewnum() == previous.viewnum() + 1;
    }

    public synchronized void acknowledged(long viewnum) {
        if (viewnum == view.viewnum()) {
            acknowledged = viewnum;
        }
    }

    // ---- Rules 2 to 4 and 6: the primary's side ----

    /** Rule 2: admits a client request, or refuses it. */
    public synchronized Ticket admit() {
        if (!view.isPrimary(me)) {
            throw new ProblemException(ErrorCode.ErrWrongServer, me + " is not the primary of view " + view.viewnum()
                    + (view.primary() == null ? "" : "; the primary is " + view.primary()));
        }
        if (!hasState) {
            throw new ProblemException(ErrorCode.ErrNotReady, me + " was made primary without the state");
        }
        if (!backupReady) {
            throw new ProblemException(ErrorCode.ErrNotReady, me + " is bringing its new backup up to date");
        }
        inFlight++;
        return new Ticket(view);
    }

    /** The request admitted with {@code ticket} has ended. */
    public synchronized void done(Ticket ticket) {
        inFlight--;
    }

    /** Rule 4: the value of {@code key}, once the backup confirmed the view of {@code ticket}. */
    public synchronized KvValue read(Ticket ticket, String key) {
        requireStill(ticket);
        String value = data.get(key);
        if (value == null) {
            throw new ProblemException(ErrorCode.ErrNoKey, "no value for key " + key);
        }
        return new KvValue(key, value);
    }

    /** Rule 6: whether a write was applied already (then it is only answered again). */
    public synchronized boolean isDuplicate(KvWrite write) {
        return applied.isDuplicate(write.clientId(), write.seq());
    }

    /** Rule 3: what the primary forwards to its backup before applying {@code write}. */
    public synchronized Forward forward(Ticket ticket, KvWrite write) {
        String requestId = write.hasClient() ? null : me + "#" + ++requestIds;
        return new Forward(ticket.view().viewnum(), me, write, requestId);
    }

    /** Rule 3: applies a write the backup has, unless the view or the state changed meanwhile. */
    public synchronized void applyForwarded(Ticket ticket, KvWrite write) {
        requireStill(ticket);
        if (ticket.view().backup() != null) {
            forwards++;
        }
        apply(write);
    }

    /** The backup lost the state of this view: no request is served until it has it again. */
    public synchronized void backupLostState(Ticket ticket) {
        if (view.viewnum() == ticket.view().viewnum()) {
            backupReady = false;
        }
    }

    private void requireStill(Ticket ticket) {
        if (view.viewnum() != ticket.view().viewnum()) {
            throw new ProblemException(ErrorCode.ErrTimeout, "view " + ticket.view().viewnum()
                    + " changed while the backup was asked; the outcome is unknown, retry");
        }
    }

    private void apply(KvWrite write) {
        data.compute(write.key(), (key, current) -> write.kind().apply(current, write.value()));
        applied.record(write.clientId(), write.seq(), null);
    }

    // ---- Rule 5: state transfer ----

    /** A state transfer to send, and the backup to send it to. */
    public record Due(String backup, Transfer transfer) { }

    /** The state for the backup of the current view, if it needs it and the view's acknowledgement was answered. */
    public synchronized Optional<Due> transferDue() {
        if (backupReady || !view.isPrimary(me) || view.backup() == null || !hasState
                || acknowledged != view.viewnum() || inFlight > 0) {
            return Optional.empty();
        }
        Map<String, Transfer.Applied> table = new HashMap<>();
        applied.numbers().forEach((client, seq) -> table.put(client, new Transfer.Applied(seq)));
        return Optional.of(new Due(view.backup(), new Transfer(view.viewnum(), me, new HashMap<>(data), table)));
    }

    /** The backup accepted {@code transfer}: requests may be served again if the view is still its. */
    public synchronized void transferred(Transfer transfer) {
        if (view.viewnum() == transfer.viewnum() && !backupReady) {
            backupReady = true;
            transfers++;
            log.info("{}: backup {} holds the state of view {} ({} keys)", me, view.backup(), view.viewnum(),
                    transfer.data().size());
        }
    }

    // ---- The backup's side ----

    public synchronized PbAck onTransfer(Transfer transfer) {
        requireBackupOf(transfer.viewnum(), transfer.primary());
        data.clear();
        data.putAll(transfer.data());
        applied.clear();
        transfer.applied().forEach((client, latest) -> applied.record(client, latest.seq(), null));
        forwardedRequests.clear();
        transferredIn = transfer.viewnum();
        return new PbAck(view.viewnum());
    }

    public synchronized PbAck onForward(Forward forward) {
        requireInitializedBackupOf(forward.viewnum(), forward.primary());
        KvWrite write = forward.write();
        boolean fresh = write.hasClient()
                ? !applied.isDuplicate(write.clientId(), write.seq())
                : forward.requestId() == null || forwardedRequests.firstTime(forward.requestId());
        if (fresh) {
            apply(write);
        }
        return new PbAck(view.viewnum());
    }

    public synchronized PbAck onConfirm(Confirm confirm) {
        requireInitializedBackupOf(confirm.viewnum(), confirm.primary());
        return new PbAck(view.viewnum());
    }

    private void requireBackupOf(long viewnum, String primary) {
        if (view.viewnum() != viewnum || !view.isBackup(me) || !view.isPrimary(primary)) {
            throw new ProblemException(ErrorCode.ErrWrongServer, me + " is not the backup of " + primary
                    + " in view " + viewnum + "; it knows view " + view.viewnum());
        }
    }

    private void requireInitializedBackupOf(long viewnum, String primary) {
        requireBackupOf(viewnum, primary);
        if (transferredIn != viewnum) {
            throw new ProblemException(ErrorCode.ErrNotReady, me + " has not received the state of view " + viewnum);
        }
    }

    public synchronized Status status() {
        return new Status(me, Role.in(view, me), view, hasState, backupReady, transferredIn,
                data.size(), applied.size(), forwards, transfers);
    }

    /** A snapshot for health and metrics. */
    public record Status(String me, Role role, View view, boolean hasState, boolean backupReady, long transferredIn,
            int keys, int clients, long forwards, long transfers) {

        /** Whether this server answers client requests now. */
        public boolean serving() {
            return role == Role.PRIMARY && hasState && backupReady;
        }
    }
}
