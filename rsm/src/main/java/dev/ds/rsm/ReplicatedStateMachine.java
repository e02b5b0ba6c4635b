package dev.ds.rsm;

import dev.ds.api.AtMostOnce;
import dev.ds.paxos.PaxosStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica of a state machine replicated through a {@link Log}.
 *
 * <ol>
 *   <li><b>Propose until decided.</b> Submitted commands wait in a queue; the head is proposed for
 *       the first instance this replica has not applied. If another entry wins that instance, the
 *       head is proposed again for the next one.
 *   <li><b>Apply in order.</b> Instances are applied strictly in number order, each exactly once.
 *   <li><b>Snapshot, then forget.</b> The log may forget an instance only once its effect is kept
 *       elsewhere. Without a snapshot store a replica calls {@code done} right after applying (a
 *       restart starts empty); with one, it saves a snapshot (applied instance, at-most-once table
 *       and state) every {@code snapshotEvery} instances and calls {@code done} only up to it, so a
 *       restarted replica loads the snapshot and replays the instances after it from the log.
 *   <li><b>Learn holes.</b> Decisions normally arrive by themselves (Paxos tells every peer). When
 *       the log has heard of this instance or later ones, this replica has nothing of its own to
 *       propose, and the instance has stayed undecided here for {@value #HOLE_PATIENCE} idle ticks,
 *       it proposes a no-op there, which makes it learn what was decided. Proposing at once would
 *       duel with the proposer whose instance is merely still in flight. Instances that only other
 *       replicas have heard of count too, once a read fence has told this one ({@link #learnUpTo}).
 *   <li><b>At most once.</b> For each client, the latest applied number and its result; an entry
 *       whose number is not above it is answered from the table, not applied again.
 *   <li><b>Answer after apply.</b> A submitter's future completes only when the instance holding
 *       its command has been applied here, so its answer reflects every earlier decision.
 *   <li><b>Catch up by snapshot.</b> When the next instance to apply is already forgotten (every
 *       peer has snapshotted past it — typically this replica lost its disk), the log cannot bring
 *       this replica up to date: it is {@linkplain Status#behind() behind} and serves nothing until
 *       it installs a peer's snapshot ({@link #install}) taken at or after that instance. A peer
 *       hands out its current state ({@link #snapshotFor}), which is never older than what the log
 *       has forgotten: every peer calls {@code done} only up to what its own state covers.
 * </ol>
 *
 * <p>Thread-safe: every method is a short transition under the object's lock. A driver calls
 * {@link #tick()} repeatedly while there is work; this class never waits.
 */
public final class ReplicatedStateMachine<E extends Entry, R> {

    private static final Logger log = LoggerFactory.getLogger(ReplicatedStateMachine.class);

    /** Idle ticks an instance may stay undecided, with later ones known, before a no-op is proposed there. */
    static final int HOLE_PATIENCE = 10;

    private final Log<E> paxos;
    private final StateMachine<E, R> machine;
    private final Function<String, E> noop;
    private final String idPrefix;
    private final int maxQueued;
    private long nextId;

    private long nextApply;
    private long proposedAt = -1;
    private long fence = -1;
    private int holeTicks;
    private boolean behind;
    private final Deque<Waiter<E, R>> queue = new ArrayDeque<>();
    private final AtMostOnce<R> table = new AtMostOnce<>();
    private final Snapshots snapshots;
    private final int snapshotEvery;
    private final Class<R> resultType;
    private long snapshotAt = -1;
    private long duplicates;
    private long snapshotBytes;
    private long installs;

    /**
     * @param noop makes a no-op entry with the given id
     * @param incarnation distinguishes this run of this replica from every other (for example a
     *     replica index and a random number drawn at start), so entry ids never repeat
     * @param maxQueued how many commands may wait before new ones are refused
     */
    public ReplicatedStateMachine(Log<E> paxos, StateMachine<E, R> machine, Function<String, E> noop,
            String incarnation, int maxQueued) {
        this(paxos, machine, noop, incarnation, maxQueued, Snapshots.NONE, 1, null);
    }

    /**
     * A replica that keeps snapshots in {@code snapshots} every {@code snapshotEvery} instances and
     * starts from the latest one there.
     *
     * @param resultType the type of the machine's results, which the at-most-once table keeps
     */
    public ReplicatedStateMachine(Log<E> paxos, StateMachine<E, R> machine, Function<String, E> noop,
            String incarnation, int maxQueued, Snapshots snapshots, int snapshotEvery, Class<R> resultType) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1, was " + snapshotEvery);
        }
        this.paxos = paxos;
        this.machine = machine;
        this.noop = noop;
        this.idPrefix = incarnation + "#";
        this.maxQueued = maxQueued;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
        this.resultType = resultType;
        snapshots.load().ifPresent(this::restore);
    }

    /** A fresh entry id for this replica. */
    public synchronized String newId() {
        return idPrefix + nextId++;
    }

    /**
     * Queues {@code entry}; the future completes with its result once applied. A command already
     * applied for its client completes at once with the recorded result (rule 4).
     *
     * @throws QueueFullException when {@code maxQueued} commands are already waiting
     */
    public synchronized CompletableFuture<R> submit(E entry) {
        CompletableFuture<R> result = new CompletableFuture<>();
        Optional<AtMostOnce.Applied<R>> known = applied(entry);
        if (known.isPresent()) {
            duplicates++;
            result.complete(known.get().result());
            return result;
        }
        if (queue.size() >= maxQueued) {
            throw new QueueFullException(queue.size());
        }
        queue.addLast(new Waiter<>(entry, result));
        return result;
    }

    /** Does the work that is possible now; returns whether anything changed, so a driver knows whether to wait. */
    public synchronized boolean tick() {
        boolean progress = false;
        while (true) {
            PaxosStatus<E> slot = paxos.status(nextApply);
            switch (slot.fate()) {
                case DECIDED -> {
                    apply(slot.value());
                    progress = true;
                }
                case FORGOTTEN -> {
                    markBehind();
                    return progress;
                }
                case PENDING -> {
                    return propose() || progress;
                }
                default -> throw new IllegalStateException("unknown fate " + slot.fate());
            }
        }
    }

    /** Rules 1 and 3: what to propose for the first unapplied instance, if anything. */
    private boolean propose() {
        if (proposedAt == nextApply) {
            return false;
        }
        if (!queue.isEmpty()) {
            paxos.start(nextApply, queue.peekFirst().entry());
        } else if (Math.max(paxos.max(), fence) >= nextApply && ++holeTicks >= HOLE_PATIENCE) {
            paxos.start(nextApply, noop.apply(newId()));
        } else {
            return false;
        }
        proposedAt = nextApply;
        return true;
    }

    /** Rules 2, 4 and 5 for the instance {@code nextApply}. */
    private void apply(E entry) {
        R result = null;
        if (!entry.isNoop()) {
            Optional<AtMostOnce.Applied<R>> known = applied(entry);
            if (known.isPresent()) {
                duplicates++;
                result = known.get().result();
            } else {
                result = machine.apply(entry);
                if (entry instanceof Entry.Numbered numbered) {
                    table.record(numbered.clientId(), numbered.seq(), result);
                }
            }
        }
        answer(entry, result);
        long applied = nextApply;
        nextApply++;
        holeTicks = 0;
        if (snapshots == Snapshots.NONE) {
            paxos.done(applied);
        } else if (applied - snapshotAt >= snapshotEvery) {
            byte[] snapshot = SnapshotCodec.encode(applied, table.entries(), machine.snapshot());
            snapshots.save(snapshot);
            snapshotBytes = snapshot.length;
            snapshotAt = applied;
            paxos.done(applied);
        }
    }

    private void restore(byte[] bytes) {
        restore(bytes, SnapshotCodec.decode(bytes, resultType));
    }

    private void restore(byte[] bytes, SnapshotCodec.Decoded<R> snapshot) {
        snapshotBytes = bytes.length;
        machine.restore(snapshot.machine());
        table.replaceWith(snapshot.table());
        nextApply = snapshot.applied() + 1;
        snapshotAt = snapshot.applied();
        log.info("restored the snapshot of instance {} ({} clients)", snapshot.applied(), table.size());
    }

    /**
     * Rule 7, the giving side: this replica's current state (applied instance, at-most-once table,
     * machine) for a peer that has applied up to {@code peerApplied}; empty when this replica is
     * not ahead of it or is itself behind.
     */
    public synchronized Optional<byte[]> snapshotFor(long peerApplied) {
        long applied = nextApply - 1;
        if (behind || applied <= peerApplied) {
            return Optional.empty();
        }
        return Optional.of(SnapshotCodec.encode(applied, table.entries(), machine.snapshot()));
    }

    /**
     * Rule 7, the taking side: replaces this replica's state with a peer's snapshot when it is ahead
     * of what is applied here, keeps it (with a snapshot store), and tells the log the instances it
     * covers are done. Waiting commands the snapshot already holds are answered from its table;
     * the others are proposed again.
     *
     * @return whether the snapshot was installed
     */
    public synchronized boolean install(byte[] bytes) {
        if (resultType == null) {
            throw new IllegalStateException("a replica without a result type cannot install snapshots");
        }
        SnapshotCodec.Decoded<R> snapshot = SnapshotCodec.decode(bytes, resultType);
        if (snapshot.applied() < nextApply) {
            return false;
        }
        long from = nextApply;
        restore(bytes, snapshot);
        installs++;
        if (snapshots != Snapshots.NONE) {
            snapshots.save(bytes);
        }
        paxos.done(snapshot.applied());
        behind = false;
        proposedAt = -1;
        holeTicks = 0;
        Iterator<Waiter<E, R>> waiting = queue.iterator();
        while (waiting.hasNext()) {
            Waiter<E, R> waiter = waiting.next();
            Optional<AtMostOnce.Applied<R>> known = applied(waiter.entry());
            if (known.isPresent()) {
                waiter.result().complete(known.get().result());
                waiting.remove();
            }
        }
        log.info("caught up from instance {} to {} by installing a peer's snapshot", from, snapshot.applied());
        return true;
    }

    /** Completes every waiter for this entry: the one that proposed it, and retries of the same client command. */
    private void answer(E entry, R result) {
        Iterator<Waiter<E, R>> waiting = queue.iterator();
        while (waiting.hasNext()) {
            Waiter<E, R> waiter = waiting.next();
            E mine = waiter.entry();
            boolean same = mine.id().equals(entry.id()) || sameClientCommand(mine, entry);
            if (same) {
                waiter.result().complete(result);
                waiting.remove();
            }
        }
        if (proposedAt == nextApply) {
            proposedAt = -1;
        }
    }

    /** Rule 4: the recorded answer when {@code entry} is a client's command applied already. */
    private Optional<AtMostOnce.Applied<R>> applied(E entry) {
        return entry instanceof Entry.Numbered numbered ? table.applied(numbered.clientId(), numbered.seq())
                : Optional.empty();
    }

    /** Whether two entries are the same client command (a retry proposed under another entry id). */
    private static boolean sameClientCommand(Entry a, Entry b) {
        return a instanceof Entry.Numbered x && b instanceof Entry.Numbered y && x.clientId() != null
                && x.clientId().equals(y.clientId()) && Objects.equals(x.seq(), y.seq());
    }

    private void markBehind() {
        if (!behind) {
            log.warn("instance {} is forgotten by the log before this replica applied it: it must catch up from a snapshot",
                    nextApply);
            behind = true;
        }
    }

    /** The highest instance this replica's log has heard of, -1 for none: its side of a peer's read fence. */
    public synchronized long heard() {
        return paxos.max();
    }

    /**
     * Rule 3 for instances this replica may never have heard of: a read fence found that the
     * group's log reaches {@code instance}, so holes up to it are learned even with nothing to propose.
     */
    public synchronized void learnUpTo(long instance) {
        fence = Math.max(fence, instance);
    }

    /**
     * Whether something is under way that a driver's timer must notice: commands waiting for their
     * decision, or instances this replica has heard of (or been fenced up to) but not applied.
     */
    public synchronized boolean inFlight() {
        return !queue.isEmpty() || Math.max(paxos.max(), fence) >= nextApply;
    }

    /** A snapshot for health and metrics. */
    public synchronized Status status() {
        return new Status(nextApply - 1, queue.size(), table.size(), behind, duplicates, snapshotBytes, installs);
    }

    /**
     * @param applied the highest instance applied, -1 before the first
     * @param queued commands waiting for a decision
     * @param clients clients in the at-most-once table
     * @param behind whether the log forgot instances this replica still needs
     * @param duplicates commands answered from the at-most-once table: client retries of something
     *     already applied, whether caught at submission or as a second decided copy
     * @param snapshotBytes the size of the latest snapshot saved, restored or installed here
     * @param installs snapshots installed from peers (catch-up)
     */
    public record Status(long applied, int queued, int clients, boolean behind, long duplicates, long snapshotBytes,
            long installs) { }

    private record Waiter<E, R>(E entry, CompletableFuture<R> result) { }


    /** Too many commands are waiting: the replica is not getting decisions (no majority?). */
    public static final class QueueFullException extends RuntimeException {
        QueueFullException(int queued) {
            super(queued + " commands are already waiting for a decision", null, false, false);
        }
    }
}
