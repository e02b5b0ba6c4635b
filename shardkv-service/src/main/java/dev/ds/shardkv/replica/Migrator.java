package dev.ds.shardkv.replica;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.NoReplyException;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import dev.ds.shardkv.api.Installed;
import dev.ds.shardkv.api.ShardData;
import dev.ds.shardkv.api.ShardKvApi;
import dev.ds.shardkv.group.GroupState;
import dev.ds.shardkv.group.ShardKvCommand;
import dev.ds.shardkv.group.ShardKvResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that moves a replica's group from configuration to configuration. Every replica of a
 * group runs one; they propose the same entries, and the state machine ignores the copies that
 * come second (its rules 3, 5 and 7). Each step, every {@code interval} (at once after an idle watch):
 *
 * <ol>
 *   <li>with no shard PULLING, watches the shard master for the configuration after the applied one
 *       and proposes Reconfigure with it. With nothing else to do, the watch waits up to {@code
 *       watchWait} for a change, so an idle group costs the shard master one held request per
 *       replica and no log entry; with handed-off shards to confirm, it only looks. Every replica
 *       of the group sees a new configuration at the same moment, and three proposers of one
 *       instance would duel; so each waits its {@code turn} (replica index times {@link #TURN})
 *       for the configuration to arrive through the group's log, and proposes only if it has not;
 *   <li>for each PULLING shard, asks the servers of its previous owner for the frozen copy and
 *       proposes Install with it;
 *   <li>for each shard handed off, asks the receiving group whether it has installed it and, once
 *       it has, proposes Drop.
 * </ol>
 *
 * A step that cannot get a decision (no majority here) or an answer (the other group is down)
 * simply tries again next time; nothing it sends changes another group's state.
 */
public final class Migrator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Migrator.class);

    private final ShardKvReplica replica;
    private final ShardMasterClient master;
    private final RpcClient rpc;
    private final ScheduledExecutorService executor;
    private final long intervalNanos;
    private final Duration watchWait;
    private final Duration turn;

    /**
     * How much longer each replica of a group waits than the one before it to propose a new
     * configuration: longer than one Paxos instance on a loaded machine, so the next replica
     * proposes only when the one before it is down, not while its instance is still being decided.
     */
    public static final Duration TURN = Duration.ofMillis(300);

    /**
     * @param master the shard master's client; its retry deadline bounds how long one poll may retry
     * @param watchWait how long an idle step's watch may wait for a change: below the transport's read timeout
     * @param index this replica's index in its group, which sets its turn to propose a new configuration
     */
    public Migrator(String name, ShardKvReplica replica, ShardMasterClient master, RpcClient rpc, Duration interval,
            Duration watchWait, int index) {
        this.replica = replica;
        this.master = master;
        this.rpc = rpc;
        this.watchWait = watchWait;
        this.turn = TURN.multipliedBy(index);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-migrator");
            thread.setDaemon(true);
            return thread;
        });
        this.intervalNanos = interval.toNanos();
        executor.execute(this::loop);
    }

    /**
     * Runs a step, then the next: at once after an idle watch that saw no change (the watch itself
     * was the wait, and a change must not fall into a gap between two watches), otherwise after
     * {@code interval}.
     */
    private void loop() {
        boolean again;
        try {
            again = step();
        } catch (ProblemException | NoReplyException e) {
            log.debug("group {}: migration step incomplete: {}", replica.gid(), e.toString());
            again = false;
        } catch (RuntimeException e) {
            log.error("group {}: migration step failed", replica.gid(), e);
            again = false;
        }
        try {
            executor.schedule(this::loop, again ? 0 : intervalNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            log.debug("group {}: migrator closed", replica.gid());
        }
    }

    /** One step; returns whether it was an idle watch that saw no change. */
    private boolean step() {
        GroupState.MigrationWork work = replica.work();
        if (work.pulls().isEmpty()) {
            Config current = work.config();
            boolean idle = work.handoffs().isEmpty();
            Optional<Config> next = master.watch(current.num(), idle ? watchWait : Duration.ZERO);
            if (next.isEmpty()) {
                if (idle) {
                    return true;
                }
            } else if (next.get().nShards() != current.nShards()) {
                log.error("group {}: configuration {} has {} shards, this group was started with {}",
                        replica.gid(), next.get().num(), next.get().nShards(), current.nShards());
                return false;
            }
            if (next.isPresent() && !replica.awaitConfig(next.get().num(), turn)
                    && propose(id -> ShardKvCommand.reconfigure(id, next.get()))) {
                log.info("group {}: configuration {} applied: shards {}", replica.gid(), next.get().num(),
                        next.get().shards());
            }
            work = replica.work();
        }
        for (GroupState.Transfer pull : work.pulls()) {
            pullFrom(pull).ifPresent(data -> {
                if (propose(id -> ShardKvCommand.install(id, data))) {
                    log.info("group {}: installed {} from group {} ({} keys)", replica.gid(), data.ref(), pull.gid(),
                            data.data().size());
                }
            });
        }
        for (GroupState.Transfer handoff : work.handoffs()) {
            if (confirmedBy(handoff) && propose(id -> ShardKvCommand.drop(id, handoff.ref()))) {
                log.info("group {}: deleted {}, installed by group {}", replica.gid(), handoff.ref(), handoff.gid());
            }
        }
        return false;
    }

    private Optional<ShardData> pullFrom(GroupState.Transfer pull) {
        for (String server : pull.servers()) {
            Optional<ShardData> data = ask(server, () -> rpc.call(server, ShardKvApi.PULL, pull.ref()));
            if (data.isPresent()) {
                return data;
            }
        }
        return Optional.empty();
    }

    private boolean confirmedBy(GroupState.Transfer handoff) {
        for (String server : handoff.servers()) {
            Optional<Installed> answer = ask(server, () -> rpc.call(server, ShardKvApi.INSTALLED, handoff.ref()));
            if (answer.isPresent() && answer.get().installed()) {
                return true;
            }
        }
        return false;
    }

    /** One call; a problem answer (not ready yet, say) counts as no answer from that server. */
    private static <T> Optional<T> ask(String server, Supplier<Optional<T>> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            log.debug("{} answered {}", server, e.toString());
            return Optional.empty();
        }
    }

    private boolean propose(Function<String, ShardKvCommand> command) {
        return replica.propose(command).outcome() == ShardKvResult.Outcome.OK;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
