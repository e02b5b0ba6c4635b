package dev.ds.shardmaster.master;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.shardmaster.Join;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The watch's answer from a replica's applied state: the next configuration, a fenced "no change", or unknown. */
class WatchTest {

    /** A replica that has applied two Joins: configurations 0, 1 and 2. */
    private static ShardMaster twoJoins() {
        ShardMaster master = new ShardMaster(4);
        master.apply(MasterCommand.join("1", new Join(1, List.of("a"), null, null)));
        master.apply(MasterCommand.join("2", new Join(2, List.of("b"), null, null)));
        return master;
    }

    @ParameterizedTest(name = "after {0}, applied {1}, fence {2} -> {3} {4}")
    @CsvSource(nullValues = "none", value = {
        // The next configuration is applied here: it is the answer, fence or not, and never older than after + 1.
        "0, 5, none, CHANGED,   1",
        "1, 5, none, CHANGED,   2",
        "1, 5, 9,    CHANGED,   2",
        // Nothing newer here, and everything the group's log had reached is applied: no change, for sure.
        "2, 5, 5,    NO_CHANGE, none",
        "2, 5, 3,    NO_CHANGE, none",
        "7, 5, 5,    NO_CHANGE, none",
        // Nothing newer here, but the log went further than this replica has applied, or no majority said how far.
        "2, 5, 6,    UNKNOWN,   none",
        "2, 5, none, UNKNOWN,   none",
        "7, 5, none, UNKNOWN,   none",
    })
    void answers(long after, long applied, Long fence, Watch.Kind kind, Long config) {
        Watch.Answer answer = Watch.settle(twoJoins(), after, applied,
                fence == null ? OptionalLong.empty() : OptionalLong.of(fence));
        assertThat(answer.kind()).isEqualTo(kind);
        if (config == null) {
            assertThat(answer.config()).isNull();
        } else {
            assertThat(answer.config().num()).isEqualTo(config);
        }
    }
}
