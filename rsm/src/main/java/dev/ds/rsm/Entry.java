package dev.ds.rsm;

/**
 * What a log instance holds. Every entry has an id unique across replicas and restarts, so a
 * replica recognizes its own proposals. A client's command that the log must apply at most once
 * is also {@link Numbered}; an entry that is not (a no-op, or a command whose service keeps at most
 * once itself, as shardkv does per shard) says nothing about clients.
 */
public interface Entry {

    /** Unique across replicas and their restarts. */
    String id();

    /** A filler that a replica proposes to learn an instance others decided; applying it does nothing. */
    boolean isNoop();

    /** An entry a client numbered: the log applies it at most once per client and number. */
    interface Numbered extends Entry {

        /** The client that sent the command, or null for a command without one (a read). */
        String clientId();

        /** The client's command number, or null when {@link #clientId()} is. */
        Long seq();
    }
}
