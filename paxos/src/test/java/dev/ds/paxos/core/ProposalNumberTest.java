package dev.ds.paxos.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.rpc.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProposalNumberTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({"0.0.-1.0, 0.1.0.1", "0.1.0.1, 0.1.1.1", "0.1.4.9, 0.2.0.1", "0.9.4.1, 1.0.-1.0",
        "1.0.-1.0, 1.1.0.1", "1.1.2.1, 2.1.0.1", "0.1.2.1, 0.1.2.2"})
    void orderIsEpochThenRoundThenPeerThenIncarnation(String lower, String higher) {
        assertThat(parse(lower)).isLessThan(parse(higher));
        assertThat(parse(higher).isAbove(parse(lower))).isTrue();
    }

    @ParameterizedTest(name = "above {0} in epoch {1} for peer {2}: {3}")
    @CsvSource({"0.0.-1.0, 0, 2, 0.1.2.3", "0.3.1.1, 0, 2, 0.4.2.3", "0.3.1.1, 2, 0, 2.1.0.3", "2.0.-1.0, 0, 1, 2.1.1.3",
        "1.5.4.3, 1, 4, 1.6.4.3"})
    void aProposerGoesOneRoundAboveWhatItHasSeen(String seen, long epoch, int peer, String next) {
        ProposalNumber number = ProposalNumber.above(parse(seen), epoch, peer, 3);
        assertThat(number).isEqualTo(parse(next));
        assertThat(number.isAbove(parse(seen))).isTrue();
    }

    @Test
    void aRestartedPeerNeverReusesANumberOfItsEarlierIncarnation() {
        ProposalNumber before = ProposalNumber.above(ProposalNumber.NONE, 0, 1, 1);
        ProposalNumber after = ProposalNumber.above(ProposalNumber.NONE, 0, 1, 2);
        assertThat(after).isNotEqualTo(before);
        assertThat(after.round()).isEqualTo(before.round());
    }

    @Test
    void roundTripsAsJsonAndRejectsMissingParts() {
        ProposalNumber number = new ProposalNumber(1, 7, 3, 2);
        String json = Wire.mapper().writeValueAsString(number);
        assertThat(json).isEqualTo("{\"epoch\":1,\"round\":7,\"peer\":3,\"incarnation\":2}");
        assertThat(Wire.mapper().readValue(json, ProposalNumber.class)).isEqualTo(number);
        assertThatThrownBy(() -> Wire.mapper().readValue("{\"epoch\":1,\"peer\":3,\"incarnation\":1}", ProposalNumber.class))
                .hasMessageContaining("number.round: must be given");
    }

    private static ProposalNumber parse(String text) {
        String[] parts = text.trim().split("\\.");
        return new ProposalNumber(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                Long.parseLong(parts[3]));
    }
}
