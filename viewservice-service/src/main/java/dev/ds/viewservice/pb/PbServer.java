package dev.ds.viewservice.pb;

import dev.ds.api.kv.KvApi;
import dev.ds.api.kv.KvService;
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
import dev.ds.rpc.Routes;
import dev.ds.rpc.RpcClient;
import java.util.Optional;
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
 *       applies it and answers only after the backup has it. Writes to one key take turns from
 *       forward to apply ({@link KeyTurns}), so both copies apply them in the same order.
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
 * <p>This class is the runtime shell: it makes the calls (to the view service and to the backup)
 * and holds no lock across any of them; the rules' state and transitions are {@link PbState}, a
 * plain core. A restarted server starts empty, as an object constructed anew.
 */
public final class PbServer implements KvService {

    private static final Logger log = LoggerFactory.getLogger(PbServer.class);

    /** How often the primary tries to reach its backup for one request, unless configured otherwise. */
    public static final int DEFAULT_BACKUP_ATTEMPTS = 5;

    private final String me;
    private final String viewService;
    private final RpcClient rpc;
    private final int backupAttempts;
    private final PbState state;
    private final KeyTurns turns = new KeyTurns();

    /**
     * @param backupAttempts how often the primary tries to reach its backup for one request before
     *     answering {@code ErrTimeout}; size limits are the node's business ({@code kv.*})
     */
    public PbServer(String me, String viewService, RpcClient rpc, int backupAttempts) {
        this.me = me;
        this.viewService = viewService;
        this.rpc = rpc;
        this.backupAttempts = backupAttempts;
        this.state = new PbState(me);
    }

    // ---- Rule 1: views ----

    /** One ping interval: ping, and adopt a newer view and acknowledge it. */
    public void tick() {
        long known = state.viewnum();
        Optional<View> answer = ping(known);
        if (answer.isEmpty()) {
            return;
        }
        View latest = answer.get();
        if (latest.viewnum() > known) {
            state.adopt(latest);
            known = latest.viewnum();
            answer = ping(known);
            if (answer.isEmpty() || answer.get().viewnum() != known) {
                return;
            }
        }
        if (answer.get().viewnum() == known) {
            state.acknowledged(known);
        }
    }

    private Optional<View> ping(long viewnum) {
        return call(viewService, ViewServiceApi.PING, new PingArgs(me, viewnum));
    }

    private void refreshIfBehind(long viewnum) {
        if (state.isBehind(viewnum)) {
            call(viewService, ViewServiceApi.VIEW, Empty.INSTANCE).ifPresent(state::adopt);
        }
    }

    // ---- Rules 2 to 4 and 6: the primary's side ----

    @Override
    public KvValue get(String key) {
        PbState.Ticket ticket = state.admit();
        try {
            if (ticket.view().backup() != null) {
                askBackup(ticket, PbApi.CONFIRM, new Confirm(ticket.view().viewnum(), me));
            }
            return state.read(ticket, key);
        } finally {
            state.done(ticket);
        }
    }

    @Override
    public WriteResult write(KvWrite write) {
        return turns.inTurn(write.key(), () -> {
            PbState.Ticket ticket = state.admit();
            try {
                if (!state.isDuplicate(write)) {
                    if (ticket.view().backup() != null) {
                        askBackup(ticket, PbApi.FORWARD, state.forward(ticket, write));
                    }
                    state.applyForwarded(ticket, write);
                }
                return new WriteResult(write.key());
            } finally {
                state.done(ticket);
            }
        });
    }

    /**
     * Reaches the backup of the ticket's view, trying a few times. Gives up early once a newer view
     * is known: this primary may be replaced, and the client must find out from the view service.
     */
    private <Q> void askBackup(PbState.Ticket ticket, Endpoint<Q, PbAck> endpoint, Q request) {
        View serving = ticket.view();
        for (int attempt = 0; attempt < backupAttempts; attempt++) {
            if (state.newestViewnum() > serving.viewnum()) {
                throw new ProblemException(ErrorCode.ErrTimeout, "view " + serving.viewnum() + " is over; retry");
            }
            try {
                if (rpc.call(serving.backup(), endpoint, request).isPresent()) {
                    return;
                }
            } catch (ProblemException refused) {
                if (refused.code() == ErrorCode.ErrNotReady) {
                    state.backupLostState(ticket);
                    throw new ProblemException(ErrorCode.ErrNotReady, "the backup lost its state; sending it again");
                }
                throw new ProblemException(ErrorCode.ErrWrongServer, "the backup refused: " + refused.detail());
            }
        }
        throw new ProblemException(ErrorCode.ErrTimeout, "the backup " + serving.backup() + " did not answer");
    }

    // ---- Rule 5: state transfer ----

    /**
     * Brings the backup of the current view up to date, if it needs it and the view's
     * acknowledgement has been answered. The state is copied in one transition, once no request
     * admitted before the backup needed it is still in flight, and sent without a lock: no request
     * is admitted until the backup has the copy.
     */
    public void syncBackup() {
        state.transferDue().ifPresent(due -> {
            if (call(due.backup(), PbApi.TRANSFER, due.transfer()).isPresent()) {
                state.transferred(due.transfer());
            }
        });
    }

    // ---- The backup's side ----

    public PbAck onTransfer(Transfer transfer) {
        refreshIfBehind(transfer.viewnum());
        return state.onTransfer(transfer);
    }

    public PbAck onForward(Forward forward) {
        refreshIfBehind(forward.viewnum());
        return state.onForward(forward);
    }

    public PbAck onConfirm(Confirm confirm) {
        refreshIfBehind(confirm.viewnum());
        return state.onConfirm(confirm);
    }

    /** The client API ({@link KvApi}) and the primary-to-backup calls ({@link PbApi}), for a transport to mount. */
    public Routes routes() {
        return Routes.none()
                .on(KvApi.GET, ref -> get(ref.key()))
                .on(KvApi.PUT, this::write)
                .on(KvApi.APPEND, this::write)
                .on(PbApi.FORWARD, this::onForward)
                .on(PbApi.CONFIRM, this::onConfirm)
                .on(PbApi.TRANSFER, this::onTransfer);
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

    public PbState.Status status() {
        return state.status();
    }
}
