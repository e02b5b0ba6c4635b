package dev.ds.shardkv.group;

import dev.ds.api.kv.WriteKind;
import dev.ds.api.shardmaster.Config;
import dev.ds.api.AtMostOnce;
import dev.ds.api.shardkv.ShardKeys;
import dev.ds.rpc.Wire;
import dev.ds.rsm.StateMachine;
import dev.ds.shardkv.api.ShardData;
import dev.ds.shardkv.api.ShardRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state of one shardkv replica group, changed only by applying its log (6.824 lab 4B). Every
 * replica of the group applies the same entries in the same order, so they all agree on the
 * configuration, on each shard's state and on its data. The rules, each in one place:
 *
 * <ol>
 *   <li><b>Ownership</b> ({@link #refusal}). A client's get, put or append on shard s is applied
 *       only if the applied configuration gives s to this group and its data is here (SERVING).
 *       If another group owns s, the answer is WRONG_GROUP naming the owner; if s is ours but still
 *       arriving (PULLING), NOT_READY. Neither refusal is remembered as applied.
 *   <li><b>At most once, per shard</b> ({@link #write}). Each shard keeps, for each client, the
 *       latest write number applied to it; a write numbered at or below it is answered OK and not
 *       applied again. The table moves with the shard, so a retry that reaches the new owner after
 *       a move is still recognized.
 *   <li><b>Configurations in order</b> ({@link #reconfigure}). Reconfigure(next) applies only if
 *       next is the applied configuration's successor and no shard is PULLING; otherwise it is
 *       ignored, and the group's poller proposes it again later. So a group takes configurations
 *       one at a time, and finishes receiving one's shards before it takes the next.
 *   <li><b>Shard moves</b> ({@link #reconfigure}). Applying configuration n: a shard that stays
 *       keeps SERVING (it is untouched by the reconfiguration); a shard gained from gid 0
 *       (unassigned) starts SERVING, empty; a shard gained from another group becomes PULLING; a
 *       shard lost to another group is frozen, data and table, as HANDING_OFF (n, s) and is never
 *       written again; a shard lost to gid 0 (every group left) is dropped.
 *   <li><b>Install</b> ({@link #install}). Install(n, s, data, table) applies only while the
 *       applied configuration is n and s is PULLING; s becomes SERVING with exactly that data and
 *       table. Late or repeated installs are ignored.
 *   <li><b>Pull</b> ({@link #handedOff}). A frozen copy (n, s) is given out only by a replica that
 *       has applied configuration n, and it is the same at every such replica.
 *   <li><b>Confirm, then delete</b> ({@link #installed}, {@link #drop}). A group has installed
 *       (n, s) once it has applied the install, or any configuration after n (it cannot have moved
 *       past n with s still PULLING). The old owner proposes Drop(n, s) only after the new owner
 *       confirmed, and applying it deletes the frozen copy, so handed-off data does not pile up.
 * </ol>
 *
 * <p>Invariant (STYLE.md, rule 8): the applied configuration number moves up by one. Thread-safe:
 * the log applies entries on one thread, and health, the migrator and the pull handler read views
 * from others, all under this object's lock.
 */
public final class GroupState implements StateMachine<ShardKvCommand, ShardKvResult> {

    private static final JsonMapper MAPPER = Wire.mapper();

    private final long gid;
    private Config config;
    private Config previous;
    private final SortedMap<Integer, Shard> owned = new TreeMap<>();
    private final SortedMap<ShardRef, Handoff> handingOff = new TreeMap<>();
    private long installedBytes;

    public GroupState(long gid, int nShards) {
        if (gid <= 0) {
            throw new IllegalArgumentException("gid: must be positive, was " + gid);
        }
        this.gid = gid;
        this.config = Config.initial(nShards);
        this.previous = config;
    }

    @Override
    public synchronized ShardKvResult apply(ShardKvCommand command) {
        return switch (command.kind()) {
            case GET -> read(command.key());
            case PUT -> write(command, WriteKind.PUT);
            case APPEND -> write(command, WriteKind.APPEND);
            case RECONFIGURE -> reconfigure(command.config());
            case INSTALL -> install(command.shard());
            case DROP -> drop(command.dropped());
            case NOOP -> ShardKvResult.IGNORED;
        };
    }

    /** Rule 1: why a client's operation on {@code shard} cannot be applied here, or null if it can. */
    private ShardKvResult refusal(int shard) {
        Shard mine = owned.get(shard);
        if (mine == null) {
            return ShardKvResult.wrongGroup(config.owner(shard));
        }
        return mine.pulling ? ShardKvResult.NOT_READY : null;
    }

    private ShardKvResult read(String key) {
        int shard = shardOf(key);
        ShardKvResult refusal = refusal(shard);
        return refusal != null ? refusal : ShardKvResult.read(owned.get(shard).data.get(key));
    }

    /** Rules 1 and 2. */
    private ShardKvResult write(ShardKvCommand command, WriteKind kind) {
        int index = shardOf(command.key());
        ShardKvResult refusal = refusal(index);
        if (refusal != null) {
            return refusal;
        }
        Shard shard = owned.get(index);
        if (shard.table.isDuplicate(command.client(), command.number())) {
            return ShardKvResult.DONE;
        }
        shard.table.record(command.client(), command.number(), null);
        shard.data.put(command.key(), kind.apply(shard.data.get(command.key()), command.value()));
        return ShardKvResult.DONE;
    }

    /** Rules 3 and 4. */
    private ShardKvResult reconfigure(Config next) {
        boolean pulling = owned.values().stream().anyMatch(shard -> shard.pulling);
        if (next.num() != config.num() + 1 || pulling || next.nShards() != config.nShards()) {
            return ShardKvResult.IGNORED;
        }
        for (int s = 0; s < next.nShards(); s++) {
            boolean had = config.owner(s) == gid;
            boolean has = next.owner(s) == gid;
            if (had && !has) {
                Shard lost = owned.remove(s);
                long receiver = next.owner(s);
                if (receiver != 0) {
                    ShardData frozen = new ShardData(new ShardRef(next.num(), s), lost.data, lost.table.numbers());
                    handingOff.put(frozen.ref(), new Handoff(frozen, receiver, next.groups().get(receiver)));
                }
            } else if (!had && has) {
                owned.put(s, new Shard(config.owner(s) != 0));
            }
        }
        previous = config;
        config = next;
        return ShardKvResult.DONE;
    }

    /** Rule 5. */
    private ShardKvResult install(ShardData pulled) {
        Shard shard = owned.get(pulled.ref().shard());
        if (pulled.ref().configNum() != config.num() || shard == null || !shard.pulling) {
            return ShardKvResult.IGNORED;
        }
        shard.data.putAll(pulled.data());
        shard.table.recordAll(pulled.table());
        shard.pulling = false;
        installedBytes += pulled.bytes();
        return ShardKvResult.DONE;
    }

    /** Rule 7, the old owner's half: the new owner confirmed, so the frozen copy goes. */
    private ShardKvResult drop(ShardRef ref) {
        return handingOff.remove(ref) == null ? ShardKvResult.IGNORED : ShardKvResult.DONE;
    }

    /** Rule 6: the frozen copy of {@code ref}, if this replica has applied its configuration and still holds it. */
    public synchronized Optional<ShardData> handedOff(ShardRef ref) {
        Handoff handoff = config.num() >= ref.configNum() ? handingOff.get(ref) : null;
        return Optional.ofNullable(handoff).map(Handoff::shard);
    }

    /** Rule 7, the new owner's half: whether this replica has installed {@code ref}. */
    public synchronized boolean installed(ShardRef ref) {
        if (config.num() != ref.configNum()) {
            return config.num() > ref.configNum();
        }
        Shard shard = owned.get(ref.shard());
        return shard != null && !shard.pulling;
    }

    public int shardOf(String key) {
        return ShardKeys.shardOf(key, config.nShards());
    }

    /** Where {@code key} goes by this replica's applied configuration. */
    public synchronized Route route(String key) {
        int shard = shardOf(key);
        long owner = config.owner(shard);
        return new Route(shard, owner, config.groups().getOrDefault(owner, List.of()), owned.containsKey(shard));
    }

    /** What the migrator has to do now: shards to pull in, frozen shards to confirm and delete. */
    public synchronized MigrationWork work() {
        List<Transfer> pulls = new ArrayList<>();
        owned.forEach((shard, state) -> {
            if (state.pulling) {
                long from = previous.owner(shard);
                pulls.add(new Transfer(new ShardRef(config.num(), shard), from, previous.groups().get(from)));
            }
        });
        List<Transfer> handoffs = handingOff.values().stream()
                .map(handoff -> new Transfer(handoff.shard().ref(), handoff.to(), handoff.servers())).toList();
        return new MigrationWork(config, List.copyOf(pulls), handoffs);
    }

    /** Whether the applied configuration includes this group. */
    public synchronized boolean joined() {
        return config.groups().containsKey(gid);
    }

    /** For health and metrics. */
    public synchronized GroupView view() {
        List<Integer> serving = new ArrayList<>();
        List<Integer> pulling = new ArrayList<>();
        long keys = 0;
        for (Map.Entry<Integer, Shard> entry : owned.entrySet()) {
            (entry.getValue().pulling ? pulling : serving).add(entry.getKey());
            keys += entry.getValue().data.size();
        }
        return new GroupView(gid, config.num(), serving, pulling, List.copyOf(handingOff.keySet()), keys,
                installedBytes);
    }

    @Override
    public synchronized byte[] snapshot() {
        List<Stored> shards = new ArrayList<>();
        owned.forEach((index, shard) -> shards.add(new Stored(index, shard.pulling, shard.data, shard.table.numbers())));
        return MAPPER.writeValueAsBytes(new Snapshot(config, previous, shards, List.copyOf(handingOff.values())));
    }

    @Override
    public synchronized void restore(byte[] bytes) {
        Snapshot snapshot = MAPPER.readValue(bytes, Snapshot.class);
        config = snapshot.config();
        previous = snapshot.previous();
        owned.clear();
        for (Stored stored : snapshot.shards()) {
            Shard shard = new Shard(stored.pulling());
            shard.data.putAll(stored.data());
            shard.table.recordAll(stored.table());
            owned.put(stored.shard(), shard);
        }
        handingOff.clear();
        snapshot.handingOff().forEach(handoff -> handingOff.put(handoff.shard().ref(), handoff));
    }

    /** A shard owned in the applied configuration: SERVING, or PULLING while its data is on the way. */
    private static final class Shard {
        private boolean pulling;
        private final Map<String, String> data = new HashMap<>();
        private final AtMostOnce<Void> table = new AtMostOnce<>();

        Shard(boolean pulling) {
            this.pulling = pulling;
        }
    }

    /** A frozen shard kept for group {@code to} (its servers as of the handoff) until it confirms. */
    record Handoff(ShardData shard, long to, List<String> servers) { }

    record Stored(int shard, boolean pulling, Map<String, String> data, Map<String, Long> table) { }

    record Snapshot(Config config, Config previous, List<Stored> shards, List<Handoff> handingOff) { }

    /**
     * @param shard the key's shard
     * @param owner the owning gid in the applied configuration (0: none)
     * @param servers the owner's servers
     * @param ownedHere whether the applied configuration gives the shard to this group
     */
    public record Route(int shard, long owner, List<String> servers, boolean ownedHere) { }

    /** A shard to move between this group and group {@code gid}, whose servers are {@code servers}. */
    public record Transfer(ShardRef ref, long gid, List<String> servers) { }

    /** @param config the applied configuration */
    public record MigrationWork(Config config, List<Transfer> pulls, List<Transfer> handoffs) { }

    /** @param installedBytes characters of keys and values installed into this replica by pulls */
    public record GroupView(long gid, long config, List<Integer> serving, List<Integer> pulling,
            List<ShardRef> handingOff, long keys, long installedBytes) { }
}
