package dev.ds.paxoskv.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.client.NoReplyException;
import dev.ds.client.Retry;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.http.LocalHttp;
import dev.ds.testkit.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durability the way machines fail: three replicas in their own JVMs take writes from four clients,
 * all three are killed with SIGKILL (no shutdown hook, no clean close) in the middle of the load,
 * and restarted on the same data dirs. Every write that was acknowledged before the kill is there.
 */
class PaxosKvCrashTest {

    private static final Logger log = LoggerFactory.getLogger(PaxosKvCrashTest.class);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dataDirs;

    private final List<ChildJvm> nodes = new ArrayList<>();
    private final HttpRpcClient rpc = new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS);

    @AfterEach
    void stop() throws InterruptedException {
        for (ChildJvm node : nodes) {
            node.close();
        }
        rpc.close();
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNineOfTheWholeGroup() throws Exception {
        List<Integer> ports = LocalHttp.freePorts(3);
        List<String> peers = LocalHttp.baseUrls(ports);
        startGroup(ports, peers);

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                PaxosKvClient ck = new PaxosKvClient(rpc, peers, new Retry(Duration.ofSeconds(2)), "c" + client);
                for (int i = 0; !killed.get() && i < 10_000; i++) {
                    String key = "c" + client + "-" + i;
                    try {
                        ck.put(key, "v" + i);
                        acknowledged.put(key, "v" + i);
                    } catch (NoReplyException | ProblemException e) {
                        return;
                    }
                }
            });
        }
        Await.until("60 acknowledged writes", DEADLINE, () -> acknowledged.size() >= 60);
        killed.set(true);
        for (ChildJvm node : nodes) {
            node.kill();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        nodes.clear();
        Map<String, String> before = Map.copyOf(acknowledged);
        log.info("killed all three replicas with {} writes acknowledged", before.size());

        startGroup(ports, peers);
        PaxosKvClient reader = new PaxosKvClient(rpc, peers, new Retry(DEADLINE), "reader");
        for (Map.Entry<String, String> write : before.entrySet()) {
            assertThat(reader.get(write.getKey())).as("acknowledged %s after kill -9", write.getKey())
                    .contains(write.getValue());
        }
        reader.put("after", "restart");
        assertThat(reader.get("after")).contains("restart");
    }

    /** Starts (or restarts) the group, each replica in its own JVM, and waits until every replica votes. */
    private void startGroup(List<Integer> ports, List<String> peers) {
        for (int i = 0; i < ports.size(); i++) {
            nodes.add(ChildJvm.start(PaxosKvApplication.class, "--server.port=" + ports.get(i),
                    "--node.peers=" + String.join(",", peers), "--node.me=" + i,
                    "--node.data-dir=" + dataDirs.resolve("r" + i), "--paxoskv.snapshot-every=16",
                    "--logging.level.root=WARN"));
        }
        for (String peer : peers) {
            Await.until(peer + " voting", DEADLINE, () -> LocalHttp.get(peer + "/actuator/health").contains("\"voting\":true"));
        }
    }

}
