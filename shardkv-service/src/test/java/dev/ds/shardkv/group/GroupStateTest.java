package dev.ds.shardkv.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteKind;
import dev.ds.api.shardmaster.Config;
import dev.ds.shardkv.api.ShardData;
import dev.ds.shardkv.api.ShardRef;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rules of {@link GroupState}, one by one, on two shards and groups 1 and 2. */
class GroupStateTest {

    private static final int N = 2;
    private static final Map<Long, List<String>> GROUPS = Map.of(1L, List.of("a"), 2L, List.of("b"));

    private final GroupState one = new GroupState(1, N);
    private final GroupState two = new GroupState(2, N);
    private int ids;

    private static Config config(long num, long owner0, long owner1) {
        return new Config(num, List.of(owner0, owner1), new TreeMap<>(GROUPS));
    }

    private ShardKvResult run(GroupState state, ShardKvCommand.Kind kind, String key, String value, String client,
            Long seq) {
        String id = "e" + ids++;
        return state.apply(switch (kind) {
            case GET -> ShardKvCommand.get(id, key);
            case PUT -> ShardKvCommand.write(id, new KvWrite(WriteKind.PUT, key, value, client, seq));
            case APPEND -> ShardKvCommand.write(id, new KvWrite(WriteKind.APPEND, key, value, client, seq));
            default -> throw new IllegalArgumentException(kind.name());
        });
    }

    private ShardKvResult append(GroupState state, String key, String value, String client, long seq) {
        return run(state, ShardKvCommand.Kind.APPEND, key, value, client, seq);
    }

    private String get(GroupState state, String key) {
        ShardKvResult result = run(state, ShardKvCommand.Kind.GET, key, null, null, null);
        assertThat(result.outcome()).isEqualTo(ShardKvResult.Outcome.OK);
        return result.value();
    }

    private ShardKvResult reconfigure(GroupState state, Config next) {
        return state.apply(ShardKvCommand.reconfigure("e" + ids++, next));
    }

    /** A key of shard {@code shard}. */
    private static String keyOf(GroupState state, int shard) {
        for (int i = 0; ; i++) {
            if (state.shardOf("k" + i) == shard) {
                return "k" + i;
            }
        }
    }

    @Test
    void aShardOfAnotherGroupIsWrongGroupAndNotRemembered() {
        reconfigure(one, config(1, 1, 2));
        String theirs = keyOf(one, 1);
        ShardKvResult refused = append(one, theirs, "x", "c", 1);
        assertThat(refused.outcome()).isEqualTo(ShardKvResult.Outcome.WRONG_GROUP);
        assertThat(refused.owner()).isEqualTo(2);
        reconfigure(one, config(2, 1, 1));
        assertThat(one.view().pulling()).containsExactly(1);
        assertThat(append(one, theirs, "x", "c", 1).outcome()).isEqualTo(ShardKvResult.Outcome.NOT_READY);
    }

    @Test
    void aShardMovesWithItsTableSoARetryAfterTheMoveIsNotAppliedTwice() {
        reconfigure(one, config(1, 1, 1));
        reconfigure(two, config(1, 1, 1));
        String key = keyOf(one, 0);
        append(one, key, "x", "c", 1);
        reconfigure(one, config(2, 2, 1));
        reconfigure(two, config(2, 2, 1));
        ShardRef ref = new ShardRef(2, 0);
        assertThat(two.view().pulling()).containsExactly(0);
        assertThat(two.installed(ref)).isFalse();
        ShardData frozen = one.handedOff(ref).orElseThrow();
        assertThat(frozen.table()).containsEntry("c", 1L);
        assertThat(two.apply(ShardKvCommand.install("i", frozen)).outcome()).isEqualTo(ShardKvResult.Outcome.OK);
        assertThat(two.apply(ShardKvCommand.install("i2", frozen)).outcome()).isEqualTo(ShardKvResult.Outcome.IGNORED);
        assertThat(two.installed(ref)).isTrue();

        append(two, key, "x", "c", 1);
        append(two, key, "y", "c", 2);
        assertThat(get(two, key)).isEqualTo("xy");
        assertThat(one.apply(ShardKvCommand.drop("d", ref)).outcome()).isEqualTo(ShardKvResult.Outcome.OK);
        assertThat(one.handedOff(ref)).isEmpty();
        assertThat(one.view().handingOff()).isEmpty();
    }

    @Test
    void configurationsApplyInOrderAndNotWhileAShardIsPulling() {
        assertThat(reconfigure(one, config(2, 1, 1)).outcome()).isEqualTo(ShardKvResult.Outcome.IGNORED);
        reconfigure(one, config(1, 2, 2));
        reconfigure(one, config(2, 1, 2));
        assertThat(reconfigure(one, config(3, 1, 1)).outcome()).as("shard 0 still pulling")
                .isEqualTo(ShardKvResult.Outcome.IGNORED);
        assertThat(one.view().config()).isEqualTo(2);
        assertThat(one.apply(ShardKvCommand.install("late", new ShardData(new ShardRef(1, 0), Map.of(), Map.of())))
                .outcome()).as("an install for another configuration").isEqualTo(ShardKvResult.Outcome.IGNORED);
    }

    @Test
    void aShardFromNoGroupStartsEmptyAndOneGivenToNoGroupIsDropped() {
        reconfigure(one, config(1, 1, 1));
        assertThat(one.view().serving()).containsExactly(0, 1);
        run(one, ShardKvCommand.Kind.PUT, keyOf(one, 0), "x", null, null);
        reconfigure(one, new Config(2, Collections.nCopies(N, 0L), new TreeMap<>()));
        assertThat(one.view().serving()).isEmpty();
        assertThat(one.view().handingOff()).isEmpty();
    }

    @Test
    void aSnapshotHoldsEverything() {
        reconfigure(one, config(1, 1, 1));
        append(one, keyOf(one, 0), "x", "c", 1);
        reconfigure(one, config(2, 1, 2));
        GroupState copy = new GroupState(1, N);
        copy.restore(one.snapshot());
        assertThat(copy.view()).isEqualTo(one.view());
        assertThat(copy.handedOff(new ShardRef(2, 1))).isEqualTo(one.handedOff(new ShardRef(2, 1)));
        assertThat(append(copy, keyOf(one, 0), "x", "c", 1).outcome()).isEqualTo(ShardKvResult.Outcome.OK);
        assertThat(get(copy, keyOf(one, 0))).isEqualTo("x");
    }
}
