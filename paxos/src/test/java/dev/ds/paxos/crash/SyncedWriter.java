package dev.ds.paxos.crash;

import dev.ds.paxos.storage.Standing;
import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import dev.ds.paxos.storage.Durability;
import dev.ds.paxos.storage.InstanceRecord;
import dev.ds.paxos.storage.PeerMeta;
import dev.ds.paxos.storage.RocksDbStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link RocksDbCrashTest}: writes acceptor records to RocksDB as an
 * acceptor does, printing each instance number once its synced write has returned (that is, when
 * the acceptor's reply could have left), until it is killed.
 */
public final class SyncedWriter {

    private SyncedWriter() {
    }

    public static void main(String[] args) {
        RocksDbStorage storage = RocksDbStorage.open(Path.of(args[0]));
        for (long seq = 0; ; seq++) {
            storage.put(seq, record(seq), Durability.SYNC);
            storage.putMeta(new PeerMeta(Standing.VOTING, 0, -1, 0, seq, 0, 1), Durability.LAZY);
            System.out.println(seq);
            System.out.flush();
        }
    }

    static InstanceRecord record(long seq) {
        String text = ("value of instance " + seq).repeat(1 + (int) (seq % 50));
        ProposalNumber number = new ProposalNumber(0, seq + 1, (int) (seq % 3), 1);
        return InstanceRecord.EMPTY.withAccepted(number, Value.of(text.getBytes(StandardCharsets.UTF_8)));
    }
}
