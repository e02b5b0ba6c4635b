package dev.ds.paxos.core;

import dev.ds.paxos.api.AcceptArgs;
import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.DecidedArgs;
import dev.ds.paxos.api.DecidedReply;
import dev.ds.paxos.api.PrepareArgs;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.RejoinArgs;
import dev.ds.paxos.api.RejoinReply;
import dev.ds.paxos.api.Value;
import dev.ds.paxos.api.Vote;
import dev.ds.paxos.storage.Durability;
import dev.ds.paxos.storage.PaxosStorage;
import dev.ds.paxos.storage.PeerMeta;
import dev.ds.paxos.storage.Standing;
import dev.ds.paxos.storage.StoredState;
import java.time.Duration;
import java.util.BitSet;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Paxos peer: the 6.824 interface ({@link #start}, {@link #status}, {@link #done}, {@link
 * #max}, {@link #min}) and the handlers of the peer-to-peer protocol ({@link #prepare}, {@link
 * #accept}, {@link #decided}, {@link #rejoin}), as one monitor.
 *
 * <p>{@code start} returns at once; the proposer then advances as answers arrive through {@link
 * PaxosPeers} and timers fire through the {@link Scheduler}. Every entry point is a short
 * transition under this object's lock; nothing here blocks or waits except a synced storage write.
 * The proposer reaches its own acceptor without the network, through the scheduler.
 *
 * <p>The rules live in {@link Acceptor} (promise, accept, learn), {@link Proposer} (the phases),
 * {@link DoneTable} (done values and the minimum) and {@link LostDiskRule}; this class routes
 * messages between them and piggybacks done values and epochs on every message.
 */
public final class PaxosPeer {

    private static final Logger log = LoggerFactory.getLogger(PaxosPeer.class);

    private final int me;
    private final int n;
    private final PaxosStorage storage;
    private final PaxosPeers peers;
    private final Scheduler scheduler;
    private final Random random;
    private final RetryPolicy retry;
    private final PaxosListener listener;
    private final LostDiskRule rule;
    private final Acceptor acceptor;
    private final DoneTable done;
    private final NavigableMap<Long, Proposer> proposers = new TreeMap<>();
    private final Outbox outbox;
    private final Contact contact;
    private PeerMeta meta;
    private long max;
    private long epoch;
    private boolean closed;
    private final NewMember newMember;
    /** Peers asked the lost-disk rule's question and not answered yet. */
    private final BitSet rejoinAsked = new BitSet();

    private PaxosPeer(PaxosConfig config, PaxosStorage storage, PaxosPeers peers, Scheduler scheduler,
            Random random, PaxosListener listener) {
        this.me = config.me();
        this.n = config.peers();
        this.storage = storage;
        this.peers = peers;
        this.scheduler = scheduler;
        this.random = random;
        this.retry = config.retry();
        this.listener = listener;
        this.contact = new Contact(me, n);
        this.outbox = new Outbox(me, this, () -> closed, scheduler, listener, contact);
        StoredState stored = storage.load();
        boolean neverStarted = stored.meta().neverStarted() && stored.instances().isEmpty();
        PeerMeta loaded = stored.meta().restarted();
        if (neverStarted) {
            // node.initial-cluster-state, read only for a data dir that holds nothing.
            loaded = loaded.withStanding(config.bootstrap() == Bootstrap.NEW ? Standing.VOTING : Standing.EMPTY);
        }
        this.newMember = new NewMember(me, n, neverStarted && config.bootstrap() == Bootstrap.NEW);
        storage.putMeta(loaded, Durability.SYNC);
        this.meta = loaded;
        this.rule = LostDiskRule.of(meta, me, n);
        this.acceptor = new Acceptor(storage, rule, stored.instances());
        this.done = new DoneTable(n, me, meta.done(), meta.min());
        this.max = Math.max(acceptor.lastSeq(), Math.max(meta.min() - 1, meta.abstainThrough()));
        // A concluded peer's new epoch is not kept by a majority yet: it must not travel.
        this.epoch = Math.max(rule.standing() == Standing.VOTING ? meta.floorEpoch() : 0, acceptor.highestEpoch());
    }

    /**
     * Opens a peer on its storage. One that is not voting yet begins the lost-disk rule; a new
     * member asks whether the group already has history.
     */
    public static PaxosPeer open(PaxosConfig config, PaxosStorage storage, PaxosPeers peers, Scheduler scheduler,
            Random random, PaxosListener listener) {
        PaxosPeer peer = new PaxosPeer(config, storage, peers, scheduler, random, listener);
        peer.beginRejoin();
        peer.askForHistory();
        return peer;
    }

    // ---- the 6.824 interface -------------------------------------------------------------------

    /**
     * Begins agreement on instance {@code seq}, proposing {@code value}; returns at once. On an
     * instance this peer knows decided, it announces the decision to the others instead.
     */
    public synchronized void start(long seq, Value value) {
        if (closed || seq < min()) {
            return;
        }
        seen(seq);
        Value decided = acceptor.record(seq).decided();
        if (decided != null) {
            // Tell the others again: one that missed the decision learns it, and done values travel.
            BitSet self = new BitSet();
            self.set(me);
            tellDecided(seq, decided, self);
            return;
        }
        if (proposers.containsKey(seq)) {
            return;
        }
        Proposer proposer = new Proposer(seq, value, me, meta.incarnation(), n);
        proposers.put(seq, proposer);
        listener.proposing(seq);
        beginRound(proposer);
    }

    public synchronized Status status(long seq) {
        if (seq < min()) {
            return Status.FORGOTTEN;
        }
        Value decided = acceptor.record(seq).decided();
        return decided == null ? Status.PENDING : Status.decided(decided);
    }

    /** This peer's application is done with every instance up to {@code seq}. */
    public synchronized void done(long seq) {
        if (closed || seq <= done.own()) {
            return;
        }
        done.update(me, seq);
        meta = meta.withDone(seq);
        storage.putMeta(meta, Durability.LAZY);
        forgetBelowMin();
    }

    /** The highest instance this peer has seen, -1 if none. */
    public synchronized long max() {
        return max;
    }

    /** One more than the lowest done value of all peers, as far as this peer knows. */
    public synchronized long min() {
        return meta.min();
    }

    public synchronized PeerStatus peerStatus() {
        return new PeerStatus(meta.min(), max, acceptor.size(), acceptor.valueBytes(), proposers.size(),
                outbox.inFlight(), rule.standing(), n, rule.heard(), rule.needed(), contact.reachable(),
                meta.floorEpoch(), newMember.asking());
    }

    /**
     * Asks every peer that has been quiet since the last call whether it is there, so that {@link
     * PeerStatus#reachable} stays true on an idle group; a node calls it every few seconds.
     * Busy peers are not asked: their traffic already answers.
     */
    public synchronized void probe() {
        if (closed) {
            return;
        }
        BitSet quiet = contact.quietSinceLastLook();
        for (int to = quiet.nextSetBit(0); to >= 0; to = quiet.nextSetBit(to + 1)) {
            int peer = to;
            outbox.call(peer, Message.REJOIN, RejoinArgs.ask(me), this::rejoin, peers::rejoin,
                    reply -> onHistory(peer, reply));
        }
    }

    /** Stops this peer: it handles nothing more and ignores late answers. Storage is left to its owner. */
    public synchronized void close() {
        closed = true;
        proposers.clear();
    }

    // ---- handlers of the peer-to-peer protocol -------------------------------------------------

    public synchronized PrepareReply prepare(PrepareArgs args) {
        long seq = receive(Message.PREPARE, args.from(), args.done(), args.number().epoch(), args.seq());
        if (seq < min()) {
            return PrepareReply.refuse(Vote.FORGOTTEN, ProposalNumber.NONE, null, done.own(), epoch);
        }
        return acceptor.prepare(seq, args.number(), done.own(), epoch);
    }

    public synchronized AcceptReply accept(AcceptArgs args) {
        long seq = receive(Message.ACCEPT, args.from(), args.done(), args.number().epoch(), args.seq());
        if (seq < min()) {
            return new AcceptReply(Vote.FORGOTTEN, ProposalNumber.NONE, null, done.own(), epoch);
        }
        return acceptor.accept(seq, args.number(), args.value(), done.own(), epoch);
    }

    public synchronized DecidedReply decided(DecidedArgs args) {
        long seq = receive(Message.DECIDED, args.from(), args.done(), 0, args.seq());
        if (seq >= min()) {
            learn(seq, args.value(), 0);
        }
        return new DecidedReply(done.own(), epoch);
    }

    /**
     * The lost-disk rule's question: what this peer knows, after storing the epoch the asker wants
     * kept. Also a new member's question whether the group has history, and the contact probe.
     */
    public synchronized RejoinReply rejoin(RejoinArgs args) {
        requireOpen();
        requirePeer(args.from());
        if (args.from() != me) {
            listener.handled(Message.REJOIN);
            contact.heard(args.from());
        }
        if (args.keepEpoch() > meta.storedEpoch()) {
            meta = meta.withStoredEpoch(args.keepEpoch());
            storage.putMeta(meta, Durability.SYNC);
        }
        // Instances it holds a record for (every promise is one), abstains in, or has forgotten:
        // what the lost-disk rule needs, and no more, so that a rejoiner abstains no more than it must.
        long held = Math.max(acceptor.lastSeq(), Math.max(meta.abstainThrough(), meta.min() - 1));
        int from = args.from();
        boolean knowsYou = from != me && (done.of(from) >= 0 || meta.min() > 0 || acceptor.holdsNumberOf(from));
        return new RejoinReply(rule.standing() == Standing.VOTING, Math.max(epoch, meta.storedEpoch()), held,
                meta.min(), done.own(), knowsYou);
    }

    /**
     * Common to the instance handlers: checks, counts, and the piggybacked state (a number's epoch
     * is one its proposer knows); answers the instance.
     */
    private long receive(Message type, int from, long theirDone, long theirEpoch, long seq) {
        requireOpen();
        requirePeer(from);
        if (from != me) {
            listener.handled(type);
            contact.heard(from);
        }
        // Taking part in an instance ends a new member's questions: it has joined the group.
        newMember.tookPart();
        gossip(from, theirDone, theirEpoch);
        seen(seq);
        return seq;
    }

    // ---- the proposer's side -------------------------------------------------------------------

    private void beginRound(Proposer proposer) {
        if (rule.standing() != Standing.VOTING) {
            // A peer that lost its disk lost the incarnation that keeps its numbers unique too:
            // it proposes only once it votes, with numbers of its new epoch.
            scheduler.schedule(retry.max(), () -> retryRound(proposer));
            return;
        }
        newMember.tookPart();
        ProposalNumber number = proposer.beginRound(epoch);
        epoch = Math.max(epoch, number.epoch());
        listener.round(proposer.seq(), number);
        PrepareArgs args = new PrepareArgs(proposer.seq(), number, me, done.own());
        for (int to = 0; to < n; to++) {
            int peer = to;
            outbox.call(peer, Message.PREPARE, args, this::prepare, peers::prepare,
                    reply -> onPromise(proposer, number, peer, reply));
        }
    }

    private void onPromise(Proposer proposer, ProposalNumber number, int from, Optional<PrepareReply> reply) {
        reply.ifPresent(r -> gossip(from, r.done(), r.epoch()));
        if (isCurrent(proposer)) {
            act(proposer, proposer.onPromise(number, from, reply));
        }
    }

    private void onAccepted(Proposer proposer, ProposalNumber number, int from, Optional<AcceptReply> reply) {
        reply.ifPresent(r -> gossip(from, r.done(), r.epoch()));
        if (isCurrent(proposer)) {
            act(proposer, proposer.onAccepted(number, from, reply));
        }
    }

    private void act(Proposer proposer, Proposer.Next next) {
        switch (next) {
            case ACCEPT -> sendAccept(proposer);
            case LEARNED -> {
                learn(proposer.seq(), proposer.decided(), proposer.rounds());
                tellDecided(proposer.seq(), proposer.decided(), proposer.informed());
            }
            case RETRY -> scheduler.schedule(retry.delay(proposer.rounds(), random), () -> retryRound(proposer));
            case ABANDON -> {
                // Another peer forgot the instance, so every peer was done with it, this one too
                // (it may have lost its done value in a crash): forget it here as well.
                proposers.remove(proposer.seq());
                done.raiseFloor(proposer.seq() + 1);
                forgetBelowMin();
            }
            case WAIT -> { }
        }
    }

    private void sendAccept(Proposer proposer) {
        ProposalNumber number = proposer.number();
        AcceptArgs args = new AcceptArgs(proposer.seq(), number, proposer.proposal(), me, done.own());
        for (int to = 0; to < n; to++) {
            int peer = to;
            outbox.call(peer, Message.ACCEPT, args, this::accept, peers::accept,
                    reply -> onAccepted(proposer, number, peer, reply));
        }
    }

    private synchronized void retryRound(Proposer proposer) {
        if (isCurrent(proposer)) {
            beginRound(proposer);
        }
    }

    private void tellDecided(long seq, Value value, BitSet informed) {
        DecidedArgs args = new DecidedArgs(seq, value, me, done.own());
        for (int to = 0; to < n; to++) {
            if (!informed.get(to)) {
                int peer = to;
                outbox.call(peer, Message.DECIDED, args, this::decided, peers::decided,
                        reply -> reply.ifPresent(r -> gossip(peer, r.done(), r.epoch())));
            }
        }
    }

    /** The learner's entry: records the decision and retires this instance's proposer. */
    private void learn(long seq, Value value, int rounds) {
        if (acceptor.learn(seq, value)) {
            log.debug("peer {}: instance {} decided {}", me, seq, value);
            listener.decided(seq, value, rounds);
        }
        proposers.remove(seq);
    }

    private boolean isCurrent(Proposer proposer) {
        return !closed && proposers.get(proposer.seq()) == proposer;
    }

    // ---- the lost-disk rule --------------------------------------------------------------------

    private synchronized void beginRejoin() {
        if (rule.standing() == Standing.VOTING) {
            return;
        }
        log.info("peer {}: {}; asking the others before voting (lost-disk rule)", me,
                rule.standing() == Standing.EMPTY ? "storage is empty" : "epoch " + meta.floorEpoch() + " concluded");
        if (n == 1) {
            changeStanding(rule.alone(meta, epoch, max));
            return;
        }
        for (int to = 0; to < n; to++) {
            if (to != me) {
                askToRejoin(to);
            }
        }
    }

    /** Asks {@code to} the current step's question, unless it has answered it or is being asked. */
    private synchronized void askToRejoin(int to) {
        if (closed || !rule.needsReportFrom(to) || rejoinAsked.get(to)) {
            return;
        }
        rejoinAsked.set(to);
        long keep = rule.epochToKeep();
        outbox.call(to, Message.REJOIN, new RejoinArgs(me, keep), this::rejoin, peers::rejoin,
                reply -> onRejoinReply(to, keep, reply));
    }

    /** {@code from}'s answer to a question that asked it to keep {@code keep} (-1: none). */
    private void onRejoinReply(int from, long keep, Optional<RejoinReply> reply) {
        rejoinAsked.clear(from);
        Standing before = rule.standing();
        if (reply.isPresent()) {
            gossip(from, reply.get().done(), reply.get().epoch());
            changeStanding(rule.report(from, keep, reply.get(), meta, epoch));
        }
        if (rule.needsReportFrom(from)) {
            // No answer, a peer that does not vote, or the answer to the previous step: ask again.
            scheduler.schedule(before == rule.standing() ? retry.max() : Duration.ZERO, () -> askToRejoin(from));
        }
        if (before != rule.standing()) {
            for (int to = 0; to < n; to++) {
                if (to != me && to != from) {
                    askToRejoin(to);
                }
            }
        }
    }

    private void changeStanding(PeerMeta next) {
        if (next == null) {
            return;
        }
        meta = next;
        storage.putMeta(meta, Durability.SYNC);
        max = Math.max(max, meta.abstainThrough());
        if (meta.standing() == Standing.VOTING) {
            epoch = Math.max(epoch, meta.floorEpoch());
        }
        done.raiseFloor(meta.min());
        log.info("peer {}: {} under the lost-disk rule: votes from epoch {} on, abstains in instances up to {}",
                me, meta.standing(), meta.floorEpoch(), meta.abstainThrough());
        forgetBelowMin();
    }

    // ---- a new member, and a group with history ------------------------------------------------

    /** A new member asks every other peer once whether they have seen it before ({@link NewMember}). */
    private synchronized void askForHistory() {
        for (int to = 0; to < n; to++) {
            askForHistory(to);
        }
    }

    private synchronized void askForHistory(int peer) {
        if (!closed && newMember.shouldAsk(peer)) {
            outbox.call(peer, Message.REJOIN, RejoinArgs.ask(me), this::rejoin, peers::rejoin,
                    reply -> onHistory(peer, reply));
        }
    }

    private void onHistory(int from, Optional<RejoinReply> reply) {
        reply.ifPresent(r -> gossip(from, r.done(), r.epoch()));
        if (reply.isEmpty()) {
            if (newMember.shouldAsk(from)) {
                scheduler.schedule(retry.max(), () -> askForHistory(from));
            }
        } else if (newMember.answer(from, reply.get()) == NewMember.Verdict.LOST_DISK) {
            log.warn("peer {}: started as new with an empty data dir, but peer {} has seen it take part before:"
                    + " its disk was lost; rejoining under the lost-disk rule", me, from);
            changeStanding(rule.restartAsLostDisk(meta));
            beginRejoin();
        }
    }

    // ---- done values and forgetting ------------------------------------------------------------

    /** Takes in what every message carries: the sender's done value and newest epoch. */
    private void gossip(int from, long theirDone, long theirEpoch) {
        epoch = Math.max(epoch, theirEpoch);
        if (done.update(from, theirDone)) {
            forgetBelowMin();
        }
    }

    /** Frees every instance below the minimum, in memory and in storage, in one step. */
    private void forgetBelowMin() {
        long min = done.min();
        if (min <= meta.min()) {
            return;
        }
        int dropped = acceptor.dropBelow(min);
        proposers.headMap(min, false).clear();
        meta = meta.withMin(min);
        storage.forget(min, meta);
        max = Math.max(max, min - 1);
        listener.forgotten(min, dropped);
    }

    private void seen(long seq) {
        max = Math.max(max, seq);
    }

    private void requireOpen() {
        if (closed) {
            throw new PeerClosedException(me);
        }
    }

    private void requirePeer(int from) {
        if (from >= n) {
            throw new IllegalArgumentException("from: must be a peer index in 0.." + (n - 1) + ", was " + from);
        }
    }
}
