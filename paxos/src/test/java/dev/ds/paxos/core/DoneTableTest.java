package dev.ds.paxos.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoneTableTest {

    @Test
    void minIsOneMoreThanTheLowestDoneOfAllPeers() {
        DoneTable done = new DoneTable(3, 0, -1, 0);
        assertThat(done.min()).isZero();
        assertThat(done.update(0, 5)).isFalse();
        assertThat(done.update(1, 7)).isFalse();
        assertThat(done.update(2, 3)).as("the last peer's done raises the minimum").isTrue();
        assertThat(done.min()).isEqualTo(4);
        assertThat(done.update(2, 9)).isTrue();
        assertThat(done.min()).isEqualTo(6);
    }

    @Test
    void doneValuesOnlyGrow() {
        DoneTable done = new DoneTable(2, 1, 4, 0);
        done.update(0, 6);
        assertThat(done.update(0, 2)).isFalse();
        assertThat(done.min()).isEqualTo(5);
        assertThat(done.own()).isEqualTo(4);
    }

    @Test
    void theMinimumNeverGoesBelowItsFloor() {
        DoneTable restarted = new DoneTable(3, 0, -1, 12);
        assertThat(restarted.min()).as("a restart forgets others' done values, not the minimum").isEqualTo(12);
        restarted.raiseFloor(20);
        restarted.raiseFloor(15);
        assertThat(restarted.min()).isEqualTo(20);
    }
}
