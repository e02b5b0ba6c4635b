/**
 * The transport seam every protocol uses to talk to its peers.
 *
 * <p>A protocol core never opens a socket. It describes each remote call as an {@link
 * dev.ds.rpc.Endpoint} (verb, path, request and reply types) and sends it through an {@link
 * dev.ds.rpc.RpcClient}. There are exactly two implementations: the in-memory network of
 * {@code dev.ds.rpc.memory}, which tests and the simulator use and which injects the 6.824 faults,
 * and the HTTP client of {@code dev.ds.rpc.http} (Feign over Apache HttpClient 5), which running
 * nodes use. Both serialize every message with the one mapper of {@link dev.ds.rpc.Wire}, so a
 * test on the in-memory network exercises the same JSON as production.
 *
 * <p>The caller sees three outcomes, never a transport exception: a reply, no reply ({@code
 * Optional.empty()}: a lost request, a lost reply, a dead or partitioned peer, a timeout or a 5xx
 * — the caller cannot tell which, exactly as in the 6.824 fault model), or an application error
 * answered by the peer, thrown as a {@link dev.ds.rpc.ProblemException} carrying its {@link
 * dev.ds.rpc.ErrorCode}.
 */
package dev.ds.rpc;
