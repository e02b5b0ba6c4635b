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

/** A port to peers that never answer, for tests that drive one peer's handlers by hand. */
public final class SilentPeers implements PaxosPeers {

    @Override
    public void prepare(int to, PrepareArgs args, Consumer<Optional<PrepareReply>> onReply) {
    }

    @Override
    public void accept(int to, AcceptArgs args, Consumer<Optional<AcceptReply>> onReply) {
    }

    @Override
    public void decided(int to, DecidedArgs args, Consumer<Optional<DecidedReply>> onReply) {
    }

    @Override
    public void rejoin(int to, RejoinArgs args, Consumer<Optional<RejoinReply>> onReply) {
    }
}
