package dev.ds.paxos.runtime;

import dev.ds.paxos.api.PaxosApi;
import dev.ds.paxos.core.PaxosConfig;
import dev.ds.paxos.core.PaxosListener;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.storage.PaxosStorage;
import dev.ds.rpc.Routes;
import dev.ds.rpc.RpcClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * A Paxos peer running on real threads: the core, its scheduler, and its port to the other peers
 * over an {@link RpcClient}. Spring wires one per node ({@code boot}); tests build several and mount
 * their {@link #routes} on the in-memory network.
 */
public final class PaxosNode implements AutoCloseable {

    private final PaxosPeer peer;
    private final ExecutorScheduler scheduler;
    private final PaxosStorage storage;

    private PaxosNode(PaxosPeer peer, ExecutorScheduler scheduler, PaxosStorage storage) {
        this.peer = peer;
        this.scheduler = scheduler;
        this.storage = storage;
    }

    /**
     * Opens the peer on {@code storage} and starts its threads.
     *
     * @param addresses every peer's address, in index order, this one included
     * @param random the peer's only source of randomness (retry jitter); seed it to replay a test
     */
    public static PaxosNode start(PaxosConfig config, PaxosStorage storage, RpcClient rpc, List<String> addresses,
            PaxosListener listener, Random random) {
        if (addresses.size() != config.peers()) {
            throw new IllegalArgumentException("addresses: " + addresses.size() + " for " + config.peers() + " peers");
        }
        ExecutorScheduler scheduler = new ExecutorScheduler("paxos-" + config.me());
        RpcPaxosPeers peers = new RpcPaxosPeers(rpc, addresses, scheduler);
        return new PaxosNode(PaxosPeer.open(config, storage, peers, scheduler, random, listener), scheduler, storage);
    }

    public PaxosPeer peer() {
        return peer;
    }

    /**
     * Every {@code period}, asks the peers this one has not heard from whether they are there
     * ({@link PaxosPeer#probe}), so that readiness stays true on an idle group.
     */
    public PaxosNode probeEvery(Duration period) {
        scheduler.schedule(period, () -> {
            peer.probe();
            probeEvery(period);
        });
        return this;
    }

    /** This peer's side of {@link PaxosApi}, for a transport to mount. */
    public Routes routes() {
        return Routes.none()
                .on(PaxosApi.PREPARE, peer::prepare)
                .on(PaxosApi.ACCEPT, peer::accept)
                .on(PaxosApi.DECIDED, peer::decided)
                .on(PaxosApi.REJOIN, peer::rejoin);
    }

    /**
     * A crash, as far as this process can play one: the peer stops handling and sending, and its
     * threads stop. Storage is left as it is, open, for a restart to reopen.
     */
    public void halt() {
        peer.close();
        scheduler.close();
    }

    /** A clean stop: halts, then closes storage. */
    @Override
    public void close() {
        halt();
        storage.close();
    }
}
