package dev.ds.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.client.mapreduce.MapReduceClient;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.client.pb.PbClient;
import dev.ds.client.shardkv.ShardKvClient;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.client.view.ViewServiceClient;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code ds.client.*} makes one client bean per store named, and none for the others. */
class DsClientAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DsClientAutoConfiguration.class));

    @Test
    void everyStoreNamedGetsItsClient() {
        runner.withPropertyValues("ds.client.pb.view-service=http://127.0.0.1:9",
                "ds.client.paxos-kv.replicas=http://127.0.0.1:9,http://127.0.0.1:10",
                "ds.client.shardmaster.replicas=http://127.0.0.1:11",
                "ds.client.mapreduce.coordinator=http://127.0.0.1:12", "ds.client.retry-deadline=2s")
                .run(context -> {
                    assertThat(context).hasSingleBean(PbClient.class).hasSingleBean(ViewServiceClient.class)
                            .hasSingleBean(PaxosKvClient.class).hasSingleBean(ShardMasterClient.class)
                            .hasSingleBean(ShardKvClient.class).hasSingleBean(MapReduceClient.class);
                    assertThat(context.getBean(DsClientProperties.class).paxosKv().replicas()).hasSize(2);
                });
    }

    @Test
    void onlyTheNamedStoresGetClientsAndClosingReleasesTheirThreads() throws InterruptedException {
        Set<Thread> before = threads();
        Set<Thread> theirs = new HashSet<>();
        runner.withPropertyValues("ds.client.paxos-kv.replicas=http://127.0.0.1:9").run(context -> {
            assertThat(context).hasSingleBean(PaxosKvClient.class).doesNotHaveBean(PbClient.class)
                    .doesNotHaveBean(ShardKvClient.class).doesNotHaveBean(MapReduceClient.class);
            theirs.addAll(threads());
            theirs.removeAll(before);
        });
        theirs.removeIf(t -> !t.getName().startsWith("idle-connection-evictor"));
        assertThat(theirs).as("the client's own idle-connection evictor").isNotEmpty();
        for (Thread thread : theirs) {
            thread.join(10_000);
            assertThat(thread.isAlive()).as(thread.getName() + " still running after the context closed").isFalse();
        }
    }

    @Test
    void aBadDeadlineFailsStartUpNamingTheSetting() {
        runner.withPropertyValues("ds.client.retry-deadline=0s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("ds.client.retry-deadline must be positive"));
    }

    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
