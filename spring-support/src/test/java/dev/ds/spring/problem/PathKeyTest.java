package dev.ds.spring.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.rpc.RpcClient;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import dev.ds.spring.testapp.TestApi;
import dev.ds.spring.testapp.TestApi.Echo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CONTRACT.md section 3: a key is one percent-encoded path segment and may hold any character,
 * {@code /}, {@code \}, {@code %} and {@code ;} included. It must reach the handler unchanged.
 */
@ChaosNode
class PathKeyTest extends NodeTest {

    @Autowired
    RpcClient rpc;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a/b", "a\\b", "100%", "%2F", "a;b=c", "with space", "a+b", "..", "ключ ✓",
            "?q=1#f", "/leading", "trailing/"})
    void aKeyOfAnyCharactersReachesTheHandlerUnchanged(String key) {
        assertThat(rpc.call(http.baseUrl(), TestApi.KEY, key))
                .contains(new Echo(key, key.length()));
    }
}
