package dev.ds.rsm;

/**
 * What a log instance holds. Every entry has an id unique across replicas and restarts, so a
 * replica recognizes its own proposals; a client's command also carries the client's id and
 * number, for at most once.
 */
public interface Entry {

    /** Unique across replicas and their restarts. */
    String id();

    /** The client that sent the command, or null for a command without one (a read, a no-op). */
    String clientId();

    /** The client's command number, or null when {@link #clientId()} is. */
    Long seq();

    /** A filler that a replica proposes to learn an instance others decided; applying it does nothing. */
    boolean isNoop();
}
