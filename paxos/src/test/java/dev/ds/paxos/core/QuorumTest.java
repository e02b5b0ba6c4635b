package dev.ds.paxos.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumTest {

    @ParameterizedTest(name = "{0} peers: majority {1}")
    @CsvSource({"1,1", "2,2", "3,2", "4,3", "5,3", "6,4", "7,4"})
    void majorities(int peers, int majority) {
        assertThat(Quorum.majority(peers)).isEqualTo(majority);
    }

    /** Every split of the answers of up to seven peers: reached and lost are exact and never both. */
    @Test
    void everySplitOfAnswers() {
        for (int peers = 1; peers <= 7; peers++) {
            for (int granted = 0; granted <= peers; granted++) {
                for (int failed = 0; granted + failed <= peers; failed++) {
                    Quorum quorum = new Quorum(peers);
                    for (int i = 0; i < granted; i++) {
                        quorum.grant(i);
                    }
                    for (int i = granted; i < granted + failed; i++) {
                        quorum.fail(i);
                    }
                    int majority = peers / 2 + 1;
                    assertThat(quorum.reached()).as("%d of %d granted", granted, peers).isEqualTo(granted >= majority);
                    assertThat(quorum.lost()).as("%d of %d failed", failed, peers)
                            .isEqualTo(peers - failed < majority);
                    assertThat(quorum.reached() && quorum.lost()).isFalse();
                }
            }
        }
    }

    @Test
    void aPeerCountsOnceWhateverItAnswersAgain() {
        Quorum quorum = new Quorum(3);
        quorum.grant(0);
        quorum.grant(0);
        quorum.fail(0);
        assertThat(quorum.reached()).isFalse();
        quorum.fail(1);
        quorum.grant(1);
        quorum.fail(1);
        assertThat(quorum.lost()).isFalse();
        quorum.grant(2);
        assertThat(quorum.reached()).isTrue();
    }
}
