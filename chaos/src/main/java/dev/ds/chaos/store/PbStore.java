package dev.ds.chaos.store;

import dev.ds.chaos.node.NodeProcess;
import dev.ds.chaos.node.Nodes;
import dev.ds.client.Retry;
import dev.ds.client.kv.KvClient;
import dev.ds.client.pb.PbClient;
import dev.ds.rpc.RpcClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The view service with three primary/backup servers. As in 6.824 the view service is a single
 * point of failure that keeps its state in memory, so the nemesis never kills or pauses it; pb
 * servers are killed (they come back empty, CONTRACT.md section 4), paused and cut off.
 */
public final class PbStore implements Store {

    /**
     * Missed pings (of 100 ms) before the view service declares a server dead: 20 rather than the
     * default 5, so that a node merely starved of CPU on a loaded machine is not taken for dead.
     * With 5, on a machine at load 50, the view changed every second and a backup was promoted
     * before its primary had copied the state to it, which stops the store (the pb server refuses
     * to serve, as it must): a liveness failure of the machine, not of the code under test.
     */
    private static final int DEAD_PINGS = 20;

    private final NodeProcess viewService;
    private final List<NodeProcess> servers = new ArrayList<>();

    public PbStore(Nodes factory, int pbServers) {
        int vsPort = Nodes.port();
        String vsUrl = factory.futureUrl(0, vsPort);
        viewService = factory.create("viewservice", "viewservice-service", vsPort,
                List.of("--role=viewservice", "--viewservice.dead-pings=" + DEAD_PINGS), false);
        for (int i = 0; i < pbServers; i++) {
            int port = Nodes.port();
            String self = factory.futureUrl(0, port);
            servers.add(factory.create("pb-" + i, "viewservice-service", port,
                    List.of("--role=pbserver", "--node.self=" + self, "--viewservice.url=" + vsUrl), false));
        }
    }

    @Override
    public String name() {
        return "pb";
    }

    @Override
    public List<NodeProcess> nodes() {
        List<NodeProcess> all = new ArrayList<>(List.of(viewService));
        all.addAll(servers);
        return all;
    }

    @Override
    public List<List<NodeProcess>> groups() {
        return List.of(nodes());
    }

    @Override
    public KvClient client(RpcClient rpc, int index, Retry retry) {
        return new PbClient(rpc, viewService.url(), retry, "chaos-pb-" + index);
    }

    /**
     * Waits (up to 20 s) for a view with a primary and a backup, and a moment for the primary to
     * copy its state to the backup: killing the primary before that would lose the store, which
     * 6.824's primary/backup scheme does not claim to survive.
     */
    @Override
    public void awaitSettled(RpcClient rpc) {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() - end < 0) {
            String view = dev.ds.chaos.node.NodeHttp.get(viewService.url() + "/api/viewservice/view",
                    java.time.Duration.ofSeconds(2)).body();
            if (view.contains("\"backup\":\"http")) {
                sleepQuietly(1500);
                return;
            }
            sleepQuietly(200);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean mayKill(NodeProcess node) {
        return node != viewService;
    }
}
