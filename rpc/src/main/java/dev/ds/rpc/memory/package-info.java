/**
 * The in-memory network of the 6.824 lab framework, for tests and the simulator.
 *
 * <p>Every node is an address with a set of endpoint handlers. A call runs the handler on the
 * caller's thread after a JSON round trip through {@link dev.ds.rpc.Wire}, and applies the faults
 * of both ends: a dead, deaf or partitioned-away peer, dropped requests (never executed), dropped
 * replies (executed, answer lost), fixed delays and random reordering. Randomness comes from one
 * seeded generator, so a failing run names its seed.
 */
package dev.ds.rpc.memory;
