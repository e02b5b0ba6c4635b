package dev.ds.paxos.storage;

import dev.ds.paxos.storage.Standing;
import static dev.ds.paxos.storage.StorageContractTest.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory store's crash model: a crash keeps what was synced, and what came before it. */
class InMemoryStorageTest {

    @Test
    void crashKeepsSyncedWritesAndLosesTheRest() {
        InMemoryStorage storage = new InMemoryStorage();
        storage.put(1, accepted(1, "lazy then synced"), Durability.LAZY);
        storage.put(2, accepted(1, "synced"), Durability.SYNC);
        storage.put(3, accepted(1, "lazy, lost"), Durability.LAZY);
        storage.putMeta(new PeerMeta(Standing.VOTING, 0, -1, 0, 3, 0, 1), Durability.LAZY);

        storage.crash();

        assertThat(storage.load().instances().keySet()).containsExactly(1L, 2L);
        assertThat(storage.load().meta()).isEqualTo(PeerMeta.EMPTY);
    }

    @Test
    void wipeLosesEverything() {
        InMemoryStorage storage = new InMemoryStorage();
        storage.put(1, accepted(1, "x"), Durability.SYNC);
        storage.putMeta(new PeerMeta(Standing.VOTING, 0, -1, 0, 3, 0, 1), Durability.SYNC);

        storage.wipe();

        assertThat(storage.load().isEmpty()).isTrue();
    }
}
