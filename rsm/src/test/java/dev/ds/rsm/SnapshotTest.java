package dev.ds.rsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Rule 3: snapshot, then forget; a restarted replica loads the snapshot and replays the rest of the log. */
class SnapshotTest {

    /** The replicated string, able to snapshot itself. */
    static final class Text implements StateMachine<Cmd, String> {
        final StringBuilder state = new StringBuilder();

        @Override
        public String apply(Cmd cmd) {
            return state.append(cmd.text()).toString();
        }

        @Override
        public byte[] snapshot() {
            return state.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void restore(byte[] snapshot) {
            state.setLength(0);
            state.append(new String(snapshot, StandardCharsets.UTF_8));
        }
    }

    static final class Memory implements Snapshots {
        byte[] saved;
        int saves;

        @Override
        public Optional<byte[]> load() {
            return Optional.ofNullable(saved);
        }

        @Override
        public void save(byte[] snapshot) {
            saved = snapshot.clone();
            saves++;
        }
    }

    private static void drain(ReplicatedStateMachine<Cmd, String> rsm) {
        int idle = 0;
        for (int i = 0; i < 1000 && idle <= ReplicatedStateMachine.HOLE_PATIENCE; i++) {
            idle = rsm.tick() ? 0 : idle + 1;
        }
    }

    @Test
    void doneFollowsSnapshotsAndARestartResumesFromTheLatest() {
        FakeLog<Cmd> shared = new FakeLog<>();
        FakeLog<Cmd>.Replica log = shared.replica();
        Memory store = new Memory();
        Text first = new Text();
        ReplicatedStateMachine<Cmd, String> rsm =
                new ReplicatedStateMachine<>(log, first, Cmd::noop, "r0-a", 100, store, 2, String.class);
        for (int i = 0; i < 5; i++) {
            rsm.submit(new Cmd(rsm.newId(), "c", (long) i + 1, String.valueOf(i)));
        }
        drain(rsm);
        assertThat(first.state).hasToString("01234");
        assertThat(store.saves).as("snapshots at instances 1 and 3").isEqualTo(2);
        assertThat(log.done).as("the log may forget only what a snapshot holds").isEqualTo(3);

        Text second = new Text();
        ReplicatedStateMachine<Cmd, String> restarted =
                new ReplicatedStateMachine<>(log, second, Cmd::noop, "r0-b", 100, store, 2, String.class);
        assertThat(second.state).as("restored from the snapshot of instance 3").hasToString("0123");
        CompletableFuture<String> retry = restarted.submit(new Cmd(restarted.newId(), "c", 4L, "3"));
        assertThat(retry).as("the at-most-once table came back with the snapshot").isCompletedWithValue("0123");
        drain(restarted);
        assertThat(second.state).as("then replayed instance 4 from the log").hasToString("01234");
    }
}
