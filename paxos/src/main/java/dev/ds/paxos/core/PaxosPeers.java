package dev.ds.paxos.core;

import dev.ds.paxos.api.AcceptArgs;
import dev.ds.paxos.api.AcceptReply;
import dev.ds.paxos.api.DecidedArgs;
import dev.ds.paxos.api.DecidedReply;
import dev.ds.paxos.api.PrepareArgs;
import dev.ds.paxos.api.PrepareReply;
import dev.ds.paxos.api.RejoinArgs;
import dev.ds.paxos.api.RejoinReply;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The core's port to the other peers of its group, by index.
 *
 * <p>Each call answers through {@code onReply} exactly once, never on the caller's stack: with the
 * peer's reply, or with {@code Optional.empty()} for "no reply" (lost, dead, partitioned, too slow;
 * the request may still have run). It is callback-shaped rather than blocking so that one thread
 * can drive a whole group in the simulator; a node implements it over the {@code RpcClient} with
 * a thread pool ({@code runtime.RpcPaxosPeers}).
 */
public interface PaxosPeers {

    void prepare(int to, PrepareArgs args, Consumer<Optional<PrepareReply>> onReply);

    void accept(int to, AcceptArgs args, Consumer<Optional<AcceptReply>> onReply);

    void decided(int to, DecidedArgs args, Consumer<Optional<DecidedReply>> onReply);

    void rejoin(int to, RejoinArgs args, Consumer<Optional<RejoinReply>> onReply);
}
