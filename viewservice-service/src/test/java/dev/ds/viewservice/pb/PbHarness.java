package dev.ds.viewservice.pb;

import dev.ds.api.view.View;
import dev.ds.api.view.ViewServiceApi;
import dev.ds.client.Retry;
import dev.ds.client.pb.PbClient;
import dev.ds.rpc.memory.InMemoryNetwork;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.cluster.Cluster;
import dev.ds.viewservice.view.ViewServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A view service and pb servers on one in-memory network, each ticking in real time as in the
 * 6.824 tests, at a faster ping interval so the suite stays quick.
 */
final class PbHarness implements AutoCloseable {

    static final Duration PING_INTERVAL = Duration.ofMillis(40);
    static final int DEAD_PINGS = 5;
    static final Duration DEADLINE = Duration.ofSeconds(20);
    static final String VIEWSERVER = "viewserver";

    /** A running pb server and its two threads: the heartbeat and the state transfer. */
    record Node(PbServer server, ScheduledExecutorService ticker) { }

    final InMemoryNetwork network;
    final ViewServer vs = new ViewServer(DEAD_PINGS);
    final Cluster<Node> servers;
    private final ScheduledExecutorService vsTicker = Executors.newSingleThreadScheduledExecutor();

    PbHarness(String test, int nservers) {
        network = new InMemoryNetwork(Seeds.seed(test));
        network.server(VIEWSERVER)
                .handle(ViewServiceApi.PING, args -> vs.ping(args.server(), args.viewnum()))
                .handle(ViewServiceApi.VIEW, none -> vs.view());
        vsTicker.scheduleAtFixedRate(vs::tick, 0, PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        servers = new Cluster<>(network, Cluster.addresses("pb", nservers), (index, server, rpc) -> {
            PbServer pb = new PbServer(server.address(), VIEWSERVER, rpc, PbServer.DEFAULT_BACKUP_ATTEMPTS);
            server.serve(pb.routes());
            ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
            ticker.scheduleAtFixedRate(pb::tick, 0, PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            ticker.scheduleAtFixedRate(pb::syncBackup, 0, PING_INTERVAL.toMillis() / 2, TimeUnit.MILLISECONDS);
            return new Node(pb, ticker);
        }, node -> node.ticker().shutdownNow());
    }

    PbClient client(String name) {
        return client(name, new Retry(DEADLINE));
    }

    PbClient client(String name, Retry retry) {
        return new PbClient(network.client(name), VIEWSERVER, retry, name);
    }

    String address(int server) {
        return servers.address(server);
    }

    View view() {
        return vs.view();
    }

    void awaitView(String what, Predicate<View> condition) {
        Await.until(what, DEADLINE, () -> condition.test(vs.view()));
    }

    /** Waits until server {@code i} is the primary, has acknowledged its view, and serves. */
    void awaitServingPrimary(int i) {
        Await.until(address(i) + " serving as primary", DEADLINE,
                () -> servers.node(i).server().status().serving() && vs.status().primaryAcked());
    }

    /** Waits until servers {@code p} and {@code b} are primary and backup, and the backup has the state. */
    void awaitPair(int p, int b) {
        awaitView(address(p) + " primary, " + address(b) + " backup",
                v -> v.isPrimary(address(p)) && v.isBackup(address(b)));
        awaitServingPrimary(p);
    }

    /** Waits out {@code n} ping intervals, for scenarios in which nothing must happen. */
    void waitIntervals(int n) {
        long end = System.nanoTime() + PING_INTERVAL.multipliedBy(n).toNanos();
        Await.until(n + " ping intervals", DEADLINE, () -> System.nanoTime() - end >= 0);
    }

    List<String> addresses() {
        return servers.addresses();
    }

    @Override
    public void close() {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.node(i) != null) {
                servers.node(i).ticker().shutdownNow();
            }
        }
        vsTicker.shutdownNow();
    }
}
