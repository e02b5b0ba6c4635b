package dev.ds.shardmaster.master;

import dev.ds.api.shardmaster.Join;
import dev.ds.api.shardmaster.Leave;
import dev.ds.api.shardmaster.Move;
import dev.ds.rsm.Entry;
import java.util.List;

/**
 * One log entry of the shard master: a Join, a Leave, a Move, a Query, or a no-op. Queries go
 * through the log like changes, which is what makes them linearizable.
 *
 * @param num for a query, the configuration asked for, -1 for the latest
 */
public record MasterCommand(String id, String clientId, Long seq, Kind kind, long gid, List<String> servers,
        int shard, long num) implements Entry.Numbered {

    public enum Kind { JOIN, LEAVE, MOVE, QUERY, NOOP }

    public static MasterCommand join(String id, Join join) {
        return new MasterCommand(id, join.clientId(), join.seq(), Kind.JOIN, join.gid(), join.servers(), 0, 0);
    }

    public static MasterCommand leave(String id, Leave leave) {
        return new MasterCommand(id, leave.clientId(), leave.seq(), Kind.LEAVE, leave.gid(), null, 0, 0);
    }

    public static MasterCommand move(String id, Move move) {
        return new MasterCommand(id, move.clientId(), move.seq(), Kind.MOVE, move.gid(), null, move.shard(), 0);
    }

    public static MasterCommand query(String id, long num) {
        return new MasterCommand(id, null, null, Kind.QUERY, 0, null, 0, num);
    }

    public static MasterCommand noop(String id) {
        return new MasterCommand(id, null, null, Kind.NOOP, 0, null, 0, 0);
    }

    @Override
    public boolean isNoop() {
        return kind == Kind.NOOP;
    }
}
