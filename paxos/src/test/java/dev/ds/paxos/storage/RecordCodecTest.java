package dev.ds.paxos.storage;

import dev.ds.paxos.storage.Standing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordCodecTest {

    static Stream<InstanceRecord> records() {
        byte[] big = new byte[3_000_000];
        new Random(7).nextBytes(big);
        ProposalNumber n = new ProposalNumber(2, 9, 4, 0);
        return Stream.of(
                InstanceRecord.EMPTY,
                InstanceRecord.EMPTY.withPromise(n),
                InstanceRecord.EMPTY.withAccepted(n, Value.of(new byte[0])),
                InstanceRecord.EMPTY.withAccepted(n, Value.of(big)),
                InstanceRecord.EMPTY.withAccepted(n, Value.of(new byte[] {1})).withDecided(Value.of(new byte[] {2})));
    }

    @ParameterizedTest
    @MethodSource("records")
    void instanceRecordsRoundTrip(InstanceRecord record) {
        assertThat(RecordCodec.decodeInstance(RecordCodec.encode(record))).isEqualTo(record);
    }

    @Test
    void metaRoundTrips() {
        PeerMeta meta = new PeerMeta(Standing.VOTING, 3, 41, 5, 40, 12, 1);
        assertThat(RecordCodec.decodeMeta(RecordCodec.encode(meta))).isEqualTo(meta);
    }

    @Test
    @DisplayName("A meta record written before the stored epoch existed reads with the floor epoch in its place")
    void versionOneMetaStillReads() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeByte(Standing.VOTING.ordinal());
            for (long field : new long[] {3, 41, 40, 12, 2}) {
                out.writeLong(field);
            }
        }
        assertThat(RecordCodec.decodeMeta(bytes.toByteArray()))
                .isEqualTo(new PeerMeta(Standing.VOTING, 3, 41, 3, 40, 12, 2));
    }

    @Test
    void anUnknownVersionIsRefused() {
        byte[] bytes = RecordCodec.encode(PeerMeta.EMPTY);
        bytes[0] = 9;
        assertThatThrownBy(() -> RecordCodec.decodeMeta(bytes)).hasMessageContaining("unknown record version 9");
    }
}
