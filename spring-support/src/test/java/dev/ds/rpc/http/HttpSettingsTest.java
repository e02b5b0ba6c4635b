package dev.ds.rpc.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void timeoutsMustBePositiveAndThePoolNotEmpty() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpSettings.DEFAULTS.withReadTimeout(Duration.ZERO))
                .withMessageContaining("readTimeout");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HttpSettings(Duration.ofMillis(-1), Duration.ofSeconds(1), 1, null))
                .withMessageContaining("connectTimeout");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HttpSettings(Duration.ofMillis(1), Duration.ofSeconds(1), 0, null))
                .withMessageContaining("maxConnections");
    }

    @Test
    void aBlankSecretMeansNoSecret() {
        assertThat(HttpSettings.DEFAULTS.withBearerToken("  ").bearerToken()).isNull();
        assertThat(HttpSettings.DEFAULTS.withBearerToken("s").bearerToken()).isEqualTo("s");
    }
}
