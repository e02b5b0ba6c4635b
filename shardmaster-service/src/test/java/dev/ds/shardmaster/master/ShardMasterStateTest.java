package dev.ds.shardmaster.master;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.shardmaster.Join;
import dev.ds.api.shardmaster.Leave;
import dev.ds.api.shardmaster.Move;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardMasterStateTest {

    private final ShardMaster master = new ShardMaster(4);

    @Test
    void everyChangeMakesTheNextConfigurationAndEveryOneStaysQueryable() {
        master.apply(MasterCommand.join("1", new Join(1, List.of("a"), null, null)));
        master.apply(MasterCommand.join("2", new Join(2, List.of("b"), null, null)));
        master.apply(MasterCommand.move("3", new Move(0, 2, null, null)));
        master.apply(MasterCommand.leave("4", new Leave(2, null, null)));
        assertThat(master.latest().num()).isEqualTo(4);
        assertThat(master.latest().shards()).containsOnly(1L);
        for (long num = 0; num <= 4; num++) {
            assertThat(master.apply(MasterCommand.query("q" + num, num)).config().num()).isEqualTo(num);
        }
        assertThat(master.apply(MasterCommand.query("q", -1)).config()).isEqualTo(master.latest());
    }

    @Test
    void duplicatesAndNoopsMakeNoConfiguration() {
        master.apply(MasterCommand.join("1", new Join(1, List.of("a"), null, null)));
        master.apply(MasterCommand.join("2", new Join(1, List.of("a"), null, null)));
        master.apply(MasterCommand.leave("3", new Leave(9, null, null)));
        master.apply(MasterCommand.noop("4"));
        assertThat(master.latest().num()).isEqualTo(1);
    }

    @Test
    void refusalsAreResultsNotExceptions() {
        MasterResult unjoined = master.apply(MasterCommand.move("1", new Move(0, 5, null, null)));
        assertThat(unjoined.refusal()).isEqualTo(MasterResult.Refusal.BAD_REQUEST);
        assertThat(unjoined.detail()).isEqualTo("gid: 5 has not joined");
        MasterResult future = master.apply(MasterCommand.query("2", 1));
        assertThat(future.refusal()).isEqualTo(MasterResult.Refusal.NOT_FOUND);
        assertThat(master.latest().num()).isZero();
    }

    @Test
    void aSnapshotRestoresEveryConfiguration() {
        ShardMaster master = new ShardMaster(10);
        master.apply(MasterCommand.join("1", new Join(7, List.of("http://a:1"), null, null)));
        master.apply(MasterCommand.join("2", new Join(9, List.of("http://b:1", "http://b:2"), null, null)));
        ShardMaster restored = new ShardMaster(10);
        restored.restore(master.snapshot());
        assertThat(restored.latest()).isEqualTo(master.latest());
        assertThat(restored.apply(MasterCommand.query("3", 1)).config())
                .isEqualTo(master.apply(MasterCommand.query("4", 1)).config());
        assertThat(restored.latest().groups().get(9L)).containsExactly("http://b:1", "http://b:2");
    }
}
