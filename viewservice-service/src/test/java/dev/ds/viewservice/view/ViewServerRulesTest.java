package dev.ds.viewservice.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.view.View;
import org.junit.jupiter.api.Test;

/** The rules of {@link ViewServer} one at a time, with time as explicit ticks. */
class ViewServerRulesTest {

    private final ViewServer vs = new ViewServer(3);

    /** Brings the service to an acknowledged view 2 with primary a and backup b. */
    private View primaryAndBackup() {
        vs.ping("a", 0);
        vs.ping("a", 1);
        vs.ping("b", 0);
        View view = vs.ping("a", 2);
        assertThat(view).isEqualTo(new View(2, "a", "b"));
        return view;
    }

    @Test
    void aServerIsDeadAfterDeadPingsMissedTicks() {
        primaryAndBackup();
        vs.ping("b", 2);
        vs.tick();
        vs.tick();
        vs.ping("b", 2);
        assertThat(vs.view().primary()).as("two missed ticks are not yet death").isEqualTo("a");
        vs.tick();
        vs.ping("b", 2);
        assertThat(vs.view()).as("the third missed tick is").isEqualTo(new View(3, "b", null));
    }

    @Test
    void aBackupThatRestartsAfterTheAckIsReplacedAndResynced() {
        primaryAndBackup();
        View next = vs.ping("b", 0);
        assertThat(next).as("a new view, so the primary sends the whole state again")
                .isEqualTo(new View(3, "a", "b"));
    }

    @Test
    void aBackupPingingZeroBeforeTheAckHasLostNothing() {
        vs.ping("a", 0);
        vs.ping("a", 1);
        vs.ping("b", 0);
        vs.ping("b", 0);
        View acked = vs.ping("a", 2);
        vs.ping("a", 0);
        assertThat(vs.view()).as("the backup is promoted when the primary restarts")
                .isEqualTo(new View(3, "b", "a"));
        assertThat(acked.viewnum()).isEqualTo(2);
    }

    @Test
    void theViewNeverMovesOnWithoutTheAck() {
        vs.ping("a", 0);
        vs.ping("b", 0);
        for (int i = 0; i < 10; i++) {
            vs.ping("b", 0);
            vs.tick();
        }
        assertThat(vs.view()).as("a never acknowledged view 1, and b is not initialized")
                .isEqualTo(new View(1, "a", null));
    }

    @Test
    void noViewChangeWhenNothingChanges() {
        primaryAndBackup();
        for (int i = 0; i < 10; i++) {
            vs.ping("a", 2);
            vs.ping("b", 2);
            vs.tick();
        }
        assertThat(vs.status().viewChanges()).isEqualTo(2);
        assertThat(vs.status().primaryAcked()).isTrue();
    }

    @Test
    void rejectsANonPositiveDeadPings() {
        assertThatThrownBy(() -> new ViewServer(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
