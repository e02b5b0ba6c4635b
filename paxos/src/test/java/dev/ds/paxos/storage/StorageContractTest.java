package dev.ds.paxos.storage;

import dev.ds.paxos.storage.Standing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link PaxosStorage} must do, for the in-memory store and RocksDB alike. */
class StorageContractTest {

    @TempDir
    static Path dirs;

    private static int opened;

    static Stream<Supplier<PaxosStorage>> stores() {
        return Stream.of(InMemoryStorage::new, () -> RocksDbStorage.open(dirs.resolve("db-" + opened++)));
    }

    static InstanceRecord accepted(long round, String value) {
        ProposalNumber number = new ProposalNumber(0, round, 1, 0);
        return InstanceRecord.EMPTY.withAccepted(number, Value.of(value.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void emptyStorageHoldsNothing(Supplier<PaxosStorage> store) {
        try (PaxosStorage storage = store.get()) {
            StoredState state = storage.load();
            assertThat(state.isEmpty()).isTrue();
            assertThat(state.meta()).isEqualTo(PeerMeta.EMPTY);
            assertThat(storage.instanceCount()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void writesAreReadBackInInstanceOrder(Supplier<PaxosStorage> store) {
        try (PaxosStorage storage = store.get()) {
            storage.put(300, accepted(2, "c"), Durability.SYNC);
            storage.put(2, accepted(1, "a"), Durability.LAZY);
            storage.put(17, InstanceRecord.EMPTY.withPromise(new ProposalNumber(3, 4, 2, 0)), Durability.SYNC);
            storage.put(2, accepted(1, "a").withDecided(Value.of(new byte[] {1, 2})), Durability.LAZY);
            PeerMeta meta = new PeerMeta(Standing.VOTING, 2, 9, 2, 5, 0, 1);
            storage.putMeta(meta, Durability.SYNC);

            StoredState state = storage.load();
            assertThat(state.instances().keySet()).containsExactly(2L, 17L, 300L);
            assertThat(state.instances().get(2L).decided()).isEqualTo(Value.of(new byte[] {1, 2}));
            assertThat(state.instances().get(2L).acceptedValue()).isNull();
            assertThat(state.instances().get(17L).promised()).isEqualTo(new ProposalNumber(3, 4, 2, 0));
            assertThat(state.instances().get(300L)).isEqualTo(accepted(2, "c"));
            assertThat(state.meta()).isEqualTo(meta);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void forgettingDeletesEveryInstanceBelowAndStoresTheMeta(Supplier<PaxosStorage> store) {
        try (PaxosStorage storage = store.get()) {
            for (long seq = 0; seq < 10; seq++) {
                storage.put(seq, accepted(1, "v" + seq), Durability.SYNC);
            }
            PeerMeta meta = new PeerMeta(Standing.VOTING, 0, -1, 0, 6, 7, 1);
            storage.forget(7, meta);
            assertThat(storage.load().instances().keySet()).containsExactly(7L, 8L, 9L);
            assertThat(storage.load().meta()).isEqualTo(meta);
            assertThat(storage.instanceCount()).isEqualTo(3);
        }
    }
}
