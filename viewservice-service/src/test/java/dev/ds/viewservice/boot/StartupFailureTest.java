package dev.ds.viewservice.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.process.Jvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A missing or invalid setting stops start-up with one clear line naming the setting and a
 * non-zero exit (CONTRACT.md section 1), checked on a real JVM as a user would see it.
 */
class StartupFailureTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--viewservice.dead-pings=5                             | invalid setting role=(missing): required",
        "--role=bogus                                           | invalid setting role=bogus: must be one of viewservice, pbserver",
        "--role=pbserver --viewservice.url=http://127.0.0.1:8000 | invalid setting node.self=(missing): required",
        "--role=pbserver --node.self=localhost:8001 --viewservice.url=http://127.0.0.1:8000 | invalid setting node.self=localhost:8001: must be an http(s) base URL",
        "--role=pbserver --node.self=http://127.0.0.1:8001      | invalid setting viewservice.url=(missing): required",
        "--role=pbserver --node.self=http://127.0.0.1:8001 --viewservice.url=http://127.0.0.1:8000 --kv.max-key-bytes=0 | invalid setting kv.max-key-bytes=0: must be at least 1",
        "--role=viewservice --viewservice.dead-pings=0          | invalid setting viewservice.dead-pings=0: must be at least 1",
        "--role=viewservice --viewservice.ping-interval=soon    | invalid setting viewservice.ping-interval=soon",
        "--role=viewservice --rpc.read-timeout=0s               | invalid setting rpc.read-timeout=0ms: must be a positive duration",
    })
    void badSettingStopsStartupWithOneLine(String args, String expectedLine) throws Exception {
        assertThat(Jvm.startupFailure(ViewServiceApplication.class, args)).contains(expectedLine.trim());
    }
}
