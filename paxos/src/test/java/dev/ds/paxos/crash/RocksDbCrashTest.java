package dev.ds.paxos.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.paxos.storage.InstanceRecord;
import dev.ds.paxos.storage.RocksDbStorage;
import dev.ds.paxos.storage.StoredState;
import dev.ds.testkit.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise of the on-disk store, against a real crash: a process writing acceptor
 * records is killed (SIGKILL, no clean close), and every record whose synced write had returned
 * is there, intact, when the store is reopened.
 */
class RocksDbCrashTest {

    @TempDir
    Path dir;

    @Test
    void everySyncedWriteSurvivesAKill() throws InterruptedException {
        long acknowledged;
        try (ChildJvm writer = ChildJvm.start(SyncedWriter.class, dir.toString())) {
            acknowledged = -1;
            while (acknowledged < 300) {
                acknowledged = Long.parseLong(writer.nextLine(Duration.ofSeconds(60)));
            }
            writer.kill();
        }

        try (RocksDbStorage reopened = RocksDbStorage.open(dir)) {
            StoredState state = reopened.load();
            assertThat(state.instances().size()).as("records after the kill").isGreaterThan((int) acknowledged);
            for (long seq = 0; seq <= acknowledged; seq++) {
                InstanceRecord record = state.instances().get(seq);
                assertThat(record).as("acknowledged instance %d after the kill", seq).isEqualTo(SyncedWriter.record(seq));
            }
            assertThat(state.meta().done()).as("the lazy meta write before the last acknowledgement")
                    .isGreaterThanOrEqualTo(acknowledged - 1);
        }
    }
}
