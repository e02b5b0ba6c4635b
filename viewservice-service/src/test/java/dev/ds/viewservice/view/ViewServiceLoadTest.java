package dev.ds.viewservice.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.view.ViewServiceApi;
import dev.ds.client.view.ViewServiceClient;
import dev.ds.rpc.memory.InMemoryNetwork;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.cluster.Await;
import dev.ds.viewservice.Pinger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The view service's load bound of the 6.824 tests ("Count RPCs to viewserver"): servers that
 * follow the heartbeat discipline send at most about two pings per ping interval each, in a
 * running system with a failover in the middle.
 */
class ViewServiceLoadTest {

    private static final Duration PING_INTERVAL = Duration.ofMillis(20);
    private static final int SERVERS = 3;
    private static final int INTERVALS = 30;

    @Test
    @DisplayName("Test: Count RPCs to viewserver ...")
    void countRpcsToViewServer() throws Exception {
        InMemoryNetwork network = new InMemoryNetwork(Seeds.seed("ViewServiceLoadTest"));
        ViewServer vs = new ViewServer(5);
        network.server("viewserver")
                .handle(ViewServiceApi.PING, args -> vs.ping(args.server(), args.viewnum()))
                .handle(ViewServiceApi.VIEW, none -> vs.view());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(vs::tick, 0, PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        List<Pinger> servers = new ArrayList<>();
        try {
            for (int i = 0; i < SERVERS; i++) {
                String me = "server" + i;
                servers.add(new Pinger(new ViewServiceClient(network.client(me), "viewserver"), me, PING_INTERVAL));
            }
            // The primary must have acknowledged the view with the backup, or no failover may happen.
            Await.until("an acknowledged view with a primary and a backup", Duration.ofSeconds(5),
                    () -> vs.view().backup() != null && vs.status().primaryAcked());
            String firstPrimary = vs.view().primary();

            long t1 = System.nanoTime();
            long n1 = network.rpcCount("viewserver");
            servers.get(Integer.parseInt(firstPrimary.substring("server".length()))).close();
            Await.until("a failover", Duration.ofSeconds(5),
                    () -> vs.view().primary() != null && !vs.view().primary().equals(firstPrimary));
            Await.until(INTERVALS + " ping intervals", Duration.ofSeconds(10),
                    () -> System.nanoTime() - t1 >= PING_INTERVAL.multipliedBy(INTERVALS).toNanos());
            long n2 = network.rpcCount("viewserver");
            long intervals = (System.nanoTime() - t1) / PING_INTERVAL.toNanos();

            long allowed = 2 * intervals * SERVERS;
            assertThat(n2 - n1).as("RPCs to the view server in %d ping intervals", intervals)
                    .isPositive()
                    .isLessThanOrEqualTo(allowed);
        } finally {
            servers.forEach(Pinger::close);
            ticker.shutdownNow();
        }
    }
}
