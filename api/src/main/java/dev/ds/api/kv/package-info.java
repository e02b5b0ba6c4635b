/**
 * The key/value client API shared by the primary/backup, Paxos and sharded stores (CONTRACT.md
 * section 3).
 *
 * <p>{@code GET /api/kv/{key}} reads; {@code PUT /api/kv/{key}} and {@code POST
 * /api/kv/{key}/append} write. A key is one percent-encoded path segment. A write may carry a
 * {@code clientId} and a {@code seq}: a client has one write outstanding at a time and numbers its
 * writes upward, so a server remembers only the latest {@code seq} and its answer per client, and
 * a retried write is never applied twice (at most once). Without them, each request received is
 * applied once. Every answer is linearizable; a key that has no value is {@code ErrNoKey}.
 */
package dev.ds.api.kv;
