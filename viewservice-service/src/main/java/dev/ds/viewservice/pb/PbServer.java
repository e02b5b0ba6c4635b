package dev.ds.viewservice.pb;

import dev.ds.api.AtMostOnce;
import dev.ds.api.kv.KvValue;
import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteResult;
import dev.ds.api.pb.Confirm;
import dev.ds.api.pb.Forward;
import dev.ds.api.pb.PbAck;
import dev.ds.api.pb.PbApi;
import dev.ds.api.pb.Transfer;
import dev.ds.api.view.PingArgs;
import dev.ds.api.view.View;
import dev.ds.api.view.ViewServiceApi;
import dev.ds.rpc.Empty;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A primary/backup key/value server (6.824 lab 2B).
 *
 * <ol>
 *   <li><b>Views.</b> Once per ping interval the server pings the view service with the number of
 *       the view it knows, and adopts a newer one at once, pinging again to acknowledge it. Nothing
 *       else runs on the pinging thread, so a slow peer can never make a live server look dead.
 *   <li><b>Only the primary serves</b>; any other server answers {@code ErrWrongServer}.
 *   <li><b>Writes reach the backup first.</b> The primary forwards each write to the backup and
 *       applies it and answers only after the backup has it. Writes to one key hold that key's lock
 *       from forward to apply, so both copies apply them in the same order.
 *   <li><b>Reads are confirmed.</b> The primary asks the backup whether it is still primary before
 *       answering a read; a replaced primary is refused, so it never answers with stale data.
 *   <li><b>State transfer.</b> In each view with a backup the primary, once its acknowledgement of
 *       the view has been answered, hands the backup its whole state (data and the at-most-once
 *       table) and serves nothing until the backup has it ({@link #syncBackup()}, on its own
 *       thread). A backup without the state of its view refuses forwards, which makes the primary
 *       send it again.
 *   <li><b>At most once.</b> A write whose client and number were applied already is answered
 *       again, not applied again, on the primary and on the backup alike.
 *   <li><b>Promotion with the state only.</b> A backup promoted to primary serves only if it held
 *       the state of the view just before; otherwise it refuses (safety before availability).
 * </ol>
 *
 * <p>A restarted server starts empty, as an object constructed anew.
 */
public final class PbServer {

    private static final Logger log = LoggerFactory.getLogger(PbServer.class);
    private static final int KEY_LOCKS = 64;

    private final String me;
    private final String viewService;
    private final RpcClient rpc;
    private final int backupAttempts;

    private final ReentrantReadWriteLock viewLock = new ReentrantReadWriteLock();
    private final Object[] keyLocks = new Object[KEY_LOCKS];
    private final Map<String, String> data = new ConcurrentHashMap<>();
    private final AtMostOnce<Void> applied = new AtMostOnce<>();
    private final RecentIds forwardedRequests = new RecentIds();
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicLong forwards = new AtomicLong();
    private final AtomicLong transfers = new AtomicLong();

    /** Changed only under the write lock; read without it by the pinging thread. */
    private volatile View view = View.INITIAL;
    /** The view whose acknowledgement the view service has answered: state may move to its backup. */
    private volatile long acknowledged;
    /** Primary: whether its data is the service's state (rule 7). */
    private boolean hasState;
    /** Backup: the view whose state transfer it holds. */
    private long transferredIn = -1;
    /** Primary: whether the backup of this view holds the state (rule 5). */
    private volatile boolean backupReady;
    /** The newest view number heard of, read without the lock by a forward that may be stuck. */
    private volatile long newestViewnum;

    /** How often the primary tries to reach its backup for one request, unless configured otherwise. */
    public static final int DEFAULT_BACKUP_ATTEMPTS = 5;

    /**
     * @param backupAttempts how often the primary tries to reach its backup for one request before
     *     answering {@code ErrTimeout}; size limits are the node's business ({@code kv.*})
     */
    public PbServer(String me, String viewService, RpcClient rpc, int backupAttempts) {
        this.me = me;
        this.viewService = viewService;
        this.rpc = rpc;
        this.backupAttempts = backupAttempts;
        for (int i = 0; i < KEY_LOCKS; i++) {
            keyLocks[i] = new Object();
        }
    }

    // ---- Rule 1: views ----

    /** One ping interval: ping, and adopt a newer view and acknowledge it. */
    public void tick() {
        long known = view.viewnum();
        Optional<View> answer = ping(known);
        if (answer.isEmpty()) {
            return;
        }
        View latest = answer.get();
        if (latest.viewnum() > known) {
            adopt(latest);
            known = latest.viewnum();
            answer = ping(known);
            if (answer.isEmpty() || answer.get().viewnum() != known) {
                return;
            }
        }
        if (answer.get().viewnum() == known) {
            acknowledged = known;
        }
    }

    private Optional<View> ping(long viewnum) {
        return call(viewService, ViewServiceApi.PING, new PingArgs(me, viewnum));
    }

    private void adopt(View next) {
        Lock lock = viewLock.writeLock();
        lock.lock();
        try {
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
        } finally {
            lock.unlock();
        }
    }

    /** Rule 7: the first primary (empty state is the state), or the backup that held the previous view's state. */
    private boolean promotedWithState(View previous, View next) {
        if (next.viewnum() == 1) {
            return true;
        }
        return previous.isBackup(me) && transferredIn == previous.viewnum() && next.viewnum() == previous.viewnum() + 1;
    }

    private void refreshIfBehind(long viewnum) {
        if (viewnum > view.viewnum()) {
            call(viewService, ViewServiceApi.VIEW, Empty.INSTANCE).ifPresent(this::adopt);
        }
    }

    // ---- Rules 2 to 4 and 6: the primary's side ----

    public KvValue get(String key) {
        Lock lock = viewLock.readLock();
        lock.lock();
        try {
            View serving = requireServing();
            if (serving.backup() != null) {
                askBackup(serving, PbApi.CONFIRM, new Confirm(serving.viewnum(), me));
            }
            String value = data.get(key);
            if (value == null) {
                throw new ProblemException(ErrorCode.ErrNoKey, "no value for key " + key);
            }
            return new KvValue(key, value);
        } finally {
            lock.unlock();
        }
    }

    public WriteResult write(KvWrite write) {
        Lock lock = viewLock.readLock();
        lock.lock();
        try {
            View serving = requireServing();
            synchronized (keyLock(write.key())) {
                if (applied.isDuplicate(write.clientId(), write.seq())) {
                    return new WriteResult(write.key());
                }
                if (serving.backup() != null) {
                    String requestId = write.hasClient() ? null : me + "#" + requestIds.incrementAndGet();
                    askBackup(serving, PbApi.FORWARD, new Forward(serving.viewnum(), me, write, requestId));
                    forwards.incrementAndGet();
                }
                apply(write);
                return new WriteResult(write.key());
            }
        } finally {
            lock.unlock();
        }
    }

    private View requireServing() {
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
        return view;
    }

    /**
     * Reaches the backup of {@code serving}, trying a few times. Gives up early once a newer view
     * is known: this primary may be replaced, and the client must find out from the view service.
     */
    private <Q> void askBackup(View serving, Endpoint<Q, PbAck> endpoint, Q request) {
        for (int attempt = 0; attempt < backupAttempts; attempt++) {
            if (newestViewnum > serving.viewnum()) {
                throw new ProblemException(ErrorCode.ErrTimeout, "view " + serving.viewnum() + " is over; retry");
            }
            try {
                if (rpc.call(serving.backup(), endpoint, request).isPresent()) {
                    return;
                }
            } catch (ProblemException refused) {
                if (refused.code() == ErrorCode.ErrNotReady) {
                    backupReady = false;
                    throw new ProblemException(ErrorCode.ErrNotReady, "the backup lost its state; sending it again");
                }
                throw new ProblemException(ErrorCode.ErrWrongServer, "the backup refused: " + refused.detail());
            }
        }
        throw new ProblemException(ErrorCode.ErrTimeout, "the backup " + serving.backup() + " did not answer");
    }

    /** The at-most-once table as the state transfer carries it (writes answer with their key: the number is all). */
    private static Map<String, Transfer.Applied> numbered(Map<String, Long> numbers) {
        Map<String, Transfer.Applied> carried = new HashMap<>();
        numbers.forEach((client, seq) -> carried.put(client, new Transfer.Applied(seq)));
        return carried;
    }

    private void apply(KvWrite write) {
        data.compute(write.key(), (key, current) -> write.kind().apply(current, write.value()));
        applied.record(write.clientId(), write.seq(), null);
    }

    // ---- Rule 5: state transfer ----

    /**
     * Brings the backup of the current view up to date, if it needs it and the view's
     * acknowledgement has been answered. The state is copied under the lock; the transfer itself
     * runs without it, since no write is served until the backup has the copy.
     */
    public void syncBackup() {
        Transfer transfer;
        String backup;
        Lock lock = viewLock.writeLock();
        lock.lock();
        try {
            if (backupReady || !view.isPrimary(me) || view.backup() == null || !hasState
                    || acknowledged != view.viewnum()) {
                return;
            }
            transfer = new Transfer(view.viewnum(), me, new HashMap<>(data), numbered(applied.numbers()));
            backup = view.backup();
        } finally {
            lock.unlock();
        }
        if (call(backup, PbApi.TRANSFER, transfer).isEmpty()) {
            return;
        }
        lock.lock();
        try {
            if (view.viewnum() == transfer.viewnum() && !backupReady) {
                backupReady = true;
                transfers.incrementAndGet();
                log.info("{}: backup {} holds the state of view {} ({} keys)", me, backup, view.viewnum(),
                        transfer.data().size());
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- The backup's side ----

    public PbAck onTransfer(Transfer transfer) {
        refreshIfBehind(transfer.viewnum());
        Lock lock = viewLock.writeLock();
        lock.lock();
        try {
            requireBackupOf(transfer.viewnum(), transfer.primary());
            data.clear();
            data.putAll(transfer.data());
            applied.clear();
            transfer.applied().forEach((client, latest) -> applied.record(client, latest.seq(), null));
            forwardedRequests.clear();
            transferredIn = transfer.viewnum();
            return new PbAck(view.viewnum());
        } finally {
            lock.unlock();
        }
    }

    public PbAck onForward(Forward forward) {
        refreshIfBehind(forward.viewnum());
        Lock lock = viewLock.readLock();
        lock.lock();
        try {
            requireInitializedBackupOf(forward.viewnum(), forward.primary());
            KvWrite write = forward.write();
            synchronized (keyLock(write.key())) {
                boolean fresh = write.hasClient()
                        ? !applied.isDuplicate(write.clientId(), write.seq())
                        : forward.requestId() == null || forwardedRequests.firstTime(forward.requestId());
                if (fresh) {
                    apply(write);
                }
            }
            return new PbAck(view.viewnum());
        } finally {
            lock.unlock();
        }
    }

    public PbAck onConfirm(Confirm confirm) {
        refreshIfBehind(confirm.viewnum());
        Lock lock = viewLock.readLock();
        lock.lock();
        try {
            requireInitializedBackupOf(confirm.viewnum(), confirm.primary());
            return new PbAck(view.viewnum());
        } finally {
            lock.unlock();
        }
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

    // ---- Helpers and status ----

    private Object keyLock(String key) {
        return keyLocks[Math.floorMod(key.hashCode(), KEY_LOCKS)];
    }

    /** Calls a peer; an application error from the view service is as good as no answer. */
    private <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request) {
        try {
            return rpc.call(to, endpoint, request);
        } catch (ProblemException e) {
            if (endpoint == PbApi.TRANSFER) {
                log.warn("{}: transfer to {} refused: {}", me, to, e.detail());
            }
            return Optional.empty();
        }
    }

    public Status status() {
        View current = view;
        return new Status(me, Role.in(current, me), current, hasState, backupReady, transferredIn,
                data.size(), applied.size(), forwards.get(), transfers.get());
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
