package dev.ds.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AtMostOnceTest {

    @Test
    void aCommandAtOrBelowTheLatestNumberIsADuplicateWithItsRecordedAnswer() {
        AtMostOnce<String> table = new AtMostOnce<>();
        table.record("c1", 5L, "five");
        assertThat(table.applied("c1", 4L)).contains(new AtMostOnce.Applied<>(5, "five"));
        assertThat(table.applied("c1", 5L)).contains(new AtMostOnce.Applied<>(5, "five"));
        assertThat(table.applied("c1", 6L)).isEmpty();
        assertThat(table.isDuplicate("c2", 1L)).isFalse();
    }

    @Test
    void aCommandWithoutAClientOrANumberIsNeverADuplicateAndIsNotRecorded() {
        AtMostOnce<String> table = new AtMostOnce<>();
        table.record(null, 1L, "x");
        table.record("c1", null, "x");
        assertThat(table.size()).isZero();
        assertThat(table.isDuplicate(null, 1L)).isFalse();
        assertThat(table.isDuplicate("c1", null)).isFalse();
    }

    @Test
    void numbersOnlyMoveUp() {
        AtMostOnce<String> table = new AtMostOnce<>();
        table.record("c1", 7L, "seven");
        table.record("c1", 3L, "three");
        assertThat(table.applied("c1", 7L)).contains(new AtMostOnce.Applied<>(7, "seven"));
        table.recordAll(Map.of("c1", 2L, "c2", 9L));
        assertThat(table.numbers()).isEqualTo(Map.of("c1", 7L, "c2", 9L));
    }

    @Test
    void aSnapshotReplacesTheTableAndACopyDoesNotChangeWithIt() {
        AtMostOnce<String> table = new AtMostOnce<>();
        table.record("old", 1L, "a");
        Map<String, AtMostOnce.Applied<String>> before = table.entries();
        table.replaceWith(Map.of("new", new AtMostOnce.Applied<>(3, "b")));
        assertThat(before).containsOnlyKeys("old");
        assertThat(table.isDuplicate("old", 1L)).isFalse();
        assertThat(table.applied("new", 2L)).contains(new AtMostOnce.Applied<>(3, "b"));
        table.clear();
        assertThat(table.size()).isZero();
    }
}
