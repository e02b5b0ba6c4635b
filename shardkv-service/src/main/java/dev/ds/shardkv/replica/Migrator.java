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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that moves a replica's group from configuration to configuration. Every replica of a
 * group runs one; they propose the same entries, and the state machine ignores the copies that
 * come second (its rules 3, 5 and 7). Each step, every {@code interval}:
 *
 * <ol>
 *   <li>with no shard PULLING, watches the shard master for the configuration after the applied one
 *       and proposes Reconfigure with it. With nothing else to do, the watch waits up to {@code
 *       watchWait} for a change, so an idle group costs the shard master one held request per
 *       replica and no log entry; with handed-off shards to confirm, it only looks;
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
    private final Duration watchWait;

    /**
     * @param master the shard master's client; its retry deadline bounds how long one poll may retry
     * @param watchWait how long an idle step's watch may wait for a change: below the transport's read timeout
     */
    public Migrator(String name, ShardKvReplica replica, ShardMasterClient master, RpcClient rpc, Duration interval,
            Duration watchWait) {
        this.replica = replica;
        this.master = master;
        this.rpc = rpc;
        this.watchWait = watchWait;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-migrator");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::safeStep, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void safeStep() {
        try {
            step();
        } catch (ProblemException | NoReplyException e) {
            log.debug("group {}: migration step incomplete: {}", replica.gid(), e.toString());
        } catch (RuntimeException e) {
            log.error("group {}: migration step failed", replica.gid(), e);
        }
    }

    private void step() {
        GroupState.MigrationWork work = replica.work();
        if (work.pulls().isEmpty()) {
            Config current = work.config();
            Duration wait = work.handoffs().isEmpty() ? watchWait : Duration.ZERO;
            Optional<Config> next = master.watch(current.num(), wait);
            if (next.isPresent() && next.get().nShards() != current.nShards()) {
                log.error("group {}: configuration {} has {} shards, this group was started with {}",
                        replica.gid(), next.get().num(), next.get().nShards(), current.nShards());
                return;
            }
            if (next.isPresent() && propose(id -> ShardKvCommand.reconfigure(id, next.get()))) {
                log.info("group {}: configuration {} applied: shards {}", replica.gid(), next.get().num(),
                        next.get().shards());
                work = replica.work();
            }
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
