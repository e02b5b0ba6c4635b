package dev.ds.paxos.boot;

import dev.ds.paxos.core.Bootstrap;
import dev.ds.paxos.core.PaxosConfig;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.core.RetryPolicy;
import dev.ds.paxos.runtime.PaxosNode;
import dev.ds.paxos.storage.InMemoryStorage;
import dev.ds.paxos.storage.PaxosStorage;
import dev.ds.paxos.storage.RocksDbStorage;
import dev.ds.rpc.RpcClient;
import dev.ds.spring.rpc.RpcAutoConfiguration;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A Paxos peer for every node of a Paxos-replicated service: the core on its threads, its storage,
 * the internal endpoints, {@code /actuator/paxos}, health and metrics. A service takes the {@link
 * PaxosPeer} bean and wraps it in a {@code Paxos<V>} with its own value codec. The group comes from
 * {@code node.peers} and {@code node.me}, which are required (a node without them stops with one
 * line naming the setting); {@code paxos.enabled=false} turns the peer off.
 *
 * <p>What an empty data dir means is {@code node.initial-cluster-state} ({@link Bootstrap}): a new
 * member votes at once, an existing one follows the lost-disk rule.
 */
@AutoConfiguration(after = RpcAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "paxos.enabled", matchIfMissing = true)
@EnableConfigurationProperties({PaxosSettings.class, GroupSettings.class})
@Import(PaxosController.class)
public class PaxosAutoConfiguration {

    /** How often a peer asks the peers it has not heard from whether they are there (readiness). */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);

    private final AtomicReference<PaxosPeer> peer = new AtomicReference<>();

    @Bean
    PaxosMetrics paxosMetrics() {
        return new PaxosMetrics(peer::get);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PaxosNode paxosNode(GroupSettings group, PaxosSettings settings, RpcClient rpc, PaxosMetrics metrics) {
        PaxosStorage storage = settings.storage() == PaxosSettings.StorageKind.ROCKSDB
                ? RocksDbStorage.open(group.requireDataDir().resolve("paxos"))
                : new InMemoryStorage();
        PaxosConfig config = new PaxosConfig(group.me(), group.peers().size(), group.bootstrap(),
                new RetryPolicy(settings.retryMin(), settings.retryMax()));
        Random random = new Random(new SecureRandom().nextLong());
        PaxosNode node = PaxosNode.start(config, storage, rpc, group.peers(), metrics, random).probeEvery(PROBE_EVERY);
        peer.set(node.peer());
        return node;
    }

    @Bean
    PaxosPeer paxosPeer(PaxosNode node) {
        return node.peer();
    }

    @Bean
    PaxosEndpoint paxosEndpoint(PaxosPeer paxosPeer) {
        return new PaxosEndpoint(paxosPeer);
    }

    @Bean
    PaxosHealth paxosHealthIndicator(PaxosPeer paxosPeer) {
        return new PaxosHealth(paxosPeer);
    }
}
