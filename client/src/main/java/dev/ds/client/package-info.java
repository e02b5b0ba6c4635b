/**
 * The Java client library of CONTRACT.md section 7. Each service has a client here that works over
 * any {@link dev.ds.rpc.RpcClient}: over HTTP for users, over the in-memory network in tests. The
 * {@code try*} methods make one attempt and return "no reply" as empty, which is what servers need
 * for their own heartbeats; the plain methods retry until {@link dev.ds.client.Retry}'s deadline
 * and throw {@link dev.ds.client.NoReplyException} if nothing answers.
 */
package dev.ds.client;
