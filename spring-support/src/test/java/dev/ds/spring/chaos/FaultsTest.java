package dev.ds.spring.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ds.rpc.Faults;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings the chaos API accepts: rates are probabilities, the delay is not negative. */
class FaultsTest {

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, 2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aRateOutsideZeroToOneIsRejected(double rate) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Faults(rate, 0, 0, false, Set.of()))
                .withMessageContaining("dropRequestRate");
        assertThatIllegalArgumentException().isThrownBy(() -> new Faults(0, rate, 0, false, Set.of()))
                .withMessageContaining("dropReplyRate");
        assertThatIllegalArgumentException().isThrownBy(() -> Faults.NONE.withDrops(rate, 0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 1})
    void aRateFromZeroToOneIsAccepted(double rate) {
        assertThat(new Faults(rate, rate, 0, false, Set.of()).dropReplyRate()).isEqualTo(rate);
    }

    @Test
    void aNegativeDelayIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Faults.NONE.withDelayMs(-1))
                .withMessageContaining("delayMs");
    }

    @Test
    void blockedPeersAreAnImmutableCopyAndNeverNull() {
        Set<String> peers = new HashSet<>(Set.of("http://a"));
        Faults faults = Faults.NONE.withBlockedPeers(peers);
        peers.add("http://b");

        assertThat(faults.blockedPeers()).containsExactly("http://a");
        assertThat(new Faults(0, 0, 0, false, null).blockedPeers()).isEmpty();
    }

    @Test
    void theLabsUnreliableSwitchDropsTenPercentOfRequestsAndTwentyOfReplies() {
        assertThat(Faults.UNRELIABLE).isEqualTo(new Faults(0.1, 0.2, 0, false, Set.of()));
        assertThat(Faults.NONE.withDeaf(true).deaf()).isTrue();
    }
}
