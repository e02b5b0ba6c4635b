package dev.ds.paxos.api;

import dev.ds.rpc.Endpoint;

/** The peer-to-peer endpoints of the Paxos library, all internal ({@code /internal/paxos/**}). */
public final class PaxosApi {

    public static final Endpoint<PrepareArgs, PrepareReply> PREPARE =
            Endpoint.post("paxos.prepare", "/internal/paxos/prepare", PrepareArgs.class, PrepareReply.class);

    public static final Endpoint<AcceptArgs, AcceptReply> ACCEPT =
            Endpoint.post("paxos.accept", "/internal/paxos/accept", AcceptArgs.class, AcceptReply.class);

    public static final Endpoint<DecidedArgs, DecidedReply> DECIDED =
            Endpoint.post("paxos.decided", "/internal/paxos/decided", DecidedArgs.class, DecidedReply.class);

    public static final Endpoint<RejoinArgs, RejoinReply> REJOIN =
            Endpoint.post("paxos.rejoin", "/internal/paxos/rejoin", RejoinArgs.class, RejoinReply.class);

    private PaxosApi() {
    }
}
