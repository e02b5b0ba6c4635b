package dev.ds.paxos.core;

/** A closed (crashed or stopped) peer was asked to handle a request: to its caller, no reply. */
public final class PeerClosedException extends IllegalStateException {

    PeerClosedException(int peer) {
        super("Paxos peer " + peer + " is closed");
    }
}
