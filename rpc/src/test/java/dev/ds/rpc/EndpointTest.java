package dev.ds.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain     | plain",
        "a/b       | a%2Fb",
        "a b       | a%20b",
        "100%;x\\y | 100%25%3Bx%5Cy",
        "ключ      | %D0%BA%D0%BB%D1%8E%D1%87",
    })
    void segmentsArePercentEncoded(String raw, String encoded) {
        assertThat(Endpoint.segment(raw)).isEqualTo(encoded);
    }
}
