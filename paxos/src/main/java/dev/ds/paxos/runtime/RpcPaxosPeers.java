package dev.ds.paxos.runtime;

import dev.ds.paxos.api.AcceptArgs;
import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.DecidedArgs;
import dev.ds.paxos.api.DecidedReply;
import dev.ds.paxos.api.PaxosApi;
import dev.ds.paxos.api.PrepareArgs;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.RejoinArgs;
import dev.ds.paxos.api.RejoinReply;
import dev.ds.paxos.core.PaxosPeers;
import dev.ds.paxos.core.Scheduler;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PaxosPeers} port over an {@link RpcClient}: the in-memory network in tests, Feign
 * over HTTP in a node. Each call runs on the scheduler's pool, so the core never waits on the
 * network; whatever goes wrong is "no reply", as the port promises.
 */
public final class RpcPaxosPeers implements PaxosPeers {

    private static final Logger log = LoggerFactory.getLogger(RpcPaxosPeers.class);

    private final RpcClient rpc;
    private final List<String> addresses;
    private final Scheduler scheduler;

    public RpcPaxosPeers(RpcClient rpc, List<String> addresses, Scheduler scheduler) {
        this.rpc = rpc;
        this.addresses = List.copyOf(addresses);
        this.scheduler = scheduler;
    }

    @Override
    public void prepare(int to, PrepareArgs args, Consumer<Optional<PrepareReply>> onReply) {
        send(to, PaxosApi.PREPARE, args, onReply);
    }

    @Override
    public void accept(int to, AcceptArgs args, Consumer<Optional<AcceptReply>> onReply) {
        send(to, PaxosApi.ACCEPT, args, onReply);
    }

    @Override
    public void decided(int to, DecidedArgs args, Consumer<Optional<DecidedReply>> onReply) {
        send(to, PaxosApi.DECIDED, args, onReply);
    }

    @Override
    public void rejoin(int to, RejoinArgs args, Consumer<Optional<RejoinReply>> onReply) {
        send(to, PaxosApi.REJOIN, args, onReply);
    }

    private <Q, R> void send(int to, Endpoint<Q, R> endpoint, Q args, Consumer<Optional<R>> onReply) {
        String address = addresses.get(to);
        scheduler.execute(() -> onReply.accept(call(address, endpoint, args)));
    }

    private <Q, R> Optional<R> call(String address, Endpoint<Q, R> endpoint, Q args) {
        try {
            return rpc.call(address, endpoint, args);
        } catch (ProblemException e) {
            // A peer refusing our own protocol's message is a bug or a version skew, never routine.
            log.warn("{} answered {} with {}", address, endpoint.name(), e.toString());
            return Optional.empty();
        } catch (RuntimeException e) {
            log.debug("{} to {} failed: {}", endpoint.name(), address, e.toString());
            return Optional.empty();
        }
    }
}
