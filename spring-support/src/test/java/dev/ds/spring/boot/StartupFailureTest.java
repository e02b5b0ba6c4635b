package dev.ds.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ds.spring.rpc.RpcProperties;
import java.net.BindException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** CONTRACT.md section 1: a bad setting stops the node with one clear line naming the setting. */
class StartupFailureTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RpcProperties.class)
    static class RpcSettings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(RpcSettings.class);

    @Test
    void anInvalidSettingIsDescribedByItsOwnMessage() {
        InvalidSettingException invalid = new InvalidSettingException("node.me", 7, "must be below the number of peers (3)");

        assertThat(StartupFailure.describe(invalid))
                .isEqualTo("invalid setting node.me=7: must be below the number of peers (3)");
    }

    @Test
    void anInvalidSettingIsFoundDeepInTheCauseChain() {
        Throwable wrapped = new BeanCreationException("node", "could not create",
                new IllegalStateException("init", new InvalidSettingException("node.peers", null, "required: URLs")));

        assertThat(StartupFailure.describe(wrapped)).isEqualTo("invalid setting node.peers=(missing): required: URLs");
    }

    @Test
    void aMissingRequiredSettingNamesIt() {
        Throwable thrown = catchThrowable(
                () -> InvalidSettingException.require("node.self", " ", "this node's base URL"));

        assertThat(StartupFailure.describe(thrown)).isEqualTo("invalid setting node.self=(missing): required: this node's base URL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rpc.read-timeout=0s      | rpc.read-timeout",
            "rpc.read-timeout=-1s     | rpc.read-timeout",
            "rpc.connect-timeout=0ms  | rpc.connect-timeout",
            "rpc.max-connections=0    | rpc.max-connections",
            "rpc.read-timeout=abc     | rpc.read-timeout",
            "rpc.max-connections=many | rpc.max-connections"})
    void aBadBindingIsOneLineNamingTheProperty(String setting, String property) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            String line = StartupFailure.describe(context.getStartupFailure());

            assertThat(line).startsWith("invalid setting " + property).doesNotContain("\n");
        });
    }

    @Test
    void aValueThatCannotBeConvertedIsQuotedInTheLine() {
        runner.withPropertyValues("rpc.read-timeout=abc").run(context ->
                assertThat(StartupFailure.describe(context.getStartupFailure()))
                        .startsWith("invalid setting rpc.read-timeout=abc: "));
    }

    @Test
    void theDefaultsBind() {
        runner.run(context -> assertThat(context.getBean(RpcProperties.class))
                .isEqualTo(new RpcProperties(Duration.ofMillis(500), Duration.ofSeconds(2), 64)));
    }

    @Test
    void anyOtherFailureIsItsRootCause() {
        Throwable failure = new IllegalStateException("web server failed to start",
                new BindException("Address already in use"));

        assertThat(StartupFailure.describe(failure)).isEqualTo("BindException: Address already in use");
    }
}
