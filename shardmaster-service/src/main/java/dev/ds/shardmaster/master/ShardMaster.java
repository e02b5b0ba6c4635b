package dev.ds.shardmaster.master;

import dev.ds.api.shardmaster.Config;
import dev.ds.rpc.Wire;
import dev.ds.rsm.StateMachine;
import dev.ds.shardmaster.rebalance.Rebalancer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every configuration, in number order, starting with configuration 0 (no groups). Applied by the
 * replicated state machine one entry at a time, in log order; watches read it from their own
 * threads ({@link #after}), so the list is guarded by this object's lock, and {@link #latest()}
 * (health, metrics) is published through a volatile field.
 *
 * <p>Invariant (STYLE.md, rule 8): configuration numbers move up by one. A Join of a present gid
 * or a Leave of an absent one makes no new configuration.
 */
public final class ShardMaster implements StateMachine<MasterCommand, MasterResult> {

    private static final JsonMapper MAPPER = Wire.mapper();
    private static final TypeReference<List<Config>> CONFIGS = new TypeReference<>() { };

    private final List<Config> configs = new ArrayList<>();
    private volatile Config latest;

    public ShardMaster(int nShards) {
        if (nShards < 1) {
            throw new IllegalArgumentException("nShards: must be at least 1, was " + nShards);
        }
        latest = Config.initial(nShards);
        configs.add(latest);
    }

    @Override
    public synchronized MasterResult apply(MasterCommand command) {
        if (command.kind() == MasterCommand.Kind.QUERY) {
            return query(command.num());
        }
        Config next;
        try {
            next = switch (command.kind()) {
                case JOIN -> Rebalancer.join(latest, command.gid(), command.servers());
                case LEAVE -> Rebalancer.leave(latest, command.gid());
                case MOVE -> Rebalancer.move(latest, command.shard(), command.gid());
                case NOOP, QUERY -> latest;
            };
        } catch (IllegalArgumentException invalid) {
            return MasterResult.refused(MasterResult.Refusal.BAD_REQUEST, invalid.getMessage());
        }
        if (next != latest) {
            append(next);
        }
        return MasterResult.ok(next);
    }

    /** Configuration {@code num}; -1 asks for the latest. */
    private MasterResult query(long num) {
        if (num == -1) {
            return MasterResult.ok(latest);
        }
        if (num < 0 || num >= configs.size()) {
            return MasterResult.refused(MasterResult.Refusal.NOT_FOUND,
                    "configuration " + num + " does not exist yet; the latest is " + latest.num());
        }
        return MasterResult.ok(configs.get((int) num));
    }

    private void append(Config next) {
        if (next.num() != latest.num() + 1) {
            throw new IllegalStateException("configuration " + next.num() + " does not follow " + latest.num());
        }
        configs.add(next);
        latest = next;
    }

    /**
     * The configuration numbered {@code num + 1}, once it exists: what a watch that has
     * configuration {@code num} waits for. Configurations never change once made, so any replica
     * that has it gives the same answer.
     */
    public synchronized Optional<Config> after(long num) {
        return num + 1 < configs.size() ? Optional.of(configs.get((int) (num + 1))) : Optional.empty();
    }

    /** Every configuration so far, for a snapshot: the shard master's whole state. */
    @Override
    public synchronized byte[] snapshot() {
        return MAPPER.writeValueAsBytes(configs);
    }

    @Override
    public synchronized void restore(byte[] snapshot) {
        List<Config> restored = MAPPER.readValue(snapshot, CONFIGS);
        configs.clear();
        configs.addAll(restored);
        latest = configs.get(configs.size() - 1);
    }

    /** The latest configuration; safe to read from any thread. */
    public Config latest() {
        return latest;
    }
}
