package dev.ds.rsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.rsm.SnapshotTest.Memory;
import dev.ds.rsm.SnapshotTest.Text;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Rule 7: a replica the log has left behind catches up by installing a peer's snapshot, then follows the log. */
class CatchUpTest {

    private static void drain(ReplicatedStateMachine<Cmd, String> rsm) {
        int idle = 0;
        for (int i = 0; i < 1000 && idle <= ReplicatedStateMachine.HOLE_PATIENCE; i++) {
            idle = rsm.tick() ? 0 : idle + 1;
        }
    }

    @Test
    void aReplicaBehindForgottenInstancesInstallsAPeerSnapshotAndFollowsTheLogAfterIt() {
        FakeLog<Cmd> shared = new FakeLog<>();
        FakeLog<Cmd>.Replica aheadLog = shared.replica();
        FakeLog<Cmd>.Replica behindLog = shared.replica();
        aheadLog.seePeers(Set.of(aheadLog, behindLog));
        behindLog.seePeers(Set.of(aheadLog, behindLog));
        Text aheadText = new Text();
        ReplicatedStateMachine<Cmd, String> ahead =
                new ReplicatedStateMachine<>(aheadLog, aheadText, Cmd::noop, "a", 100, new Memory(), 2, String.class);
        behindLog.connected = false;
        for (int i = 0; i < 5; i++) {
            ahead.submit(new Cmd(ahead.newId(), "c", (long) i + 1, String.valueOf(i)));
        }
        drain(ahead);
        assertThat(aheadText.state).hasToString("01234");
        // Every peer has snapshotted past instance 3: the log forgets it.
        shared.forgetBelow(4);

        Memory behindStore = new Memory();
        Text behindText = new Text();
        ReplicatedStateMachine<Cmd, String> behind =
                new ReplicatedStateMachine<>(behindLog, behindText, Cmd::noop, "b", 100, behindStore, 2, String.class);
        behindLog.connected = true;
        CompletableFuture<String> retried = behind.submit(new Cmd(behind.newId(), "c", 5L, "4"));
        drain(behind);
        assertThat(behind.status().behind()).as("instance 0 is forgotten").isTrue();
        assertThat(behind.snapshotFor(-1)).as("a replica that is behind gives no snapshot").isEmpty();
        assertThat(ahead.snapshotFor(4)).as("a peer not behind the asker gives none").isEmpty();

        assertThat(behind.install(ahead.snapshotFor(behind.status().applied()).orElseThrow())).isTrue();
        assertThat(behind.status().behind()).isFalse();
        assertThat(behind.status().applied()).isEqualTo(4);
        assertThat(behindText.state).hasToString("01234");
        assertThat(retried).as("a waiting command the snapshot holds is answered from its table").isCompletedWithValue("01234");
        assertThat(behindStore.saved).as("the installed snapshot is kept for a restart").isNotNull();
        assertThat(behindLog.done).as("the log may forget what the snapshot covers").isEqualTo(4);
        assertThat(behind.install(ahead.snapshotFor(-1).orElseThrow())).as("an old snapshot is not installed").isFalse();

        ahead.submit(new Cmd(ahead.newId(), "d", 1L, "5"));
        drain(ahead);
        drain(behind);
        assertThat(behindText.state).as("after the snapshot it follows the log").hasToString("012345");
    }
}
