/**
 * The Paxos protocol between the peers of one replica group (6.824 lab 3A; Lamport, "Paxos Made
 * Simple"), one independent instance of single-decree Paxos per sequence number.
 *
 * <p><b>Phase 1, prepare/promise.</b> A proposer picks a {@link dev.ds.paxos.api.ProposalNumber}
 * above every number it has seen in the instance and sends {@link dev.ds.paxos.api.PrepareArgs} to
 * every peer. An acceptor promises (vote {@code GRANTED}) if the number is at least the highest it
 * has promised, and answers with the highest-numbered proposal it has accepted; otherwise it
 * rejects and names its promise, so the proposer can go above it.
 *
 * <p><b>Phase 2, accept/accepted.</b> With promises from a majority, the proposer sends {@link
 * dev.ds.paxos.api.AcceptArgs} with the value of the highest-numbered proposal among the promises,
 * or its own value if none had accepted anything. An acceptor accepts if it has not promised a
 * higher number.
 *
 * <p><b>Learning, decided.</b> Once a majority has accepted, the value is chosen: the proposer
 * sends {@link dev.ds.paxos.api.DecidedArgs} to every other peer. An acceptor that already knows
 * the decision answers {@code DECIDED} with the value instead of voting, which is how a peer that
 * missed the message learns it: by proposing in that instance.
 *
 * <p><b>Durability.</b> An acceptor writes its promise or acceptance to disk, synced, before its
 * reply leaves.
 *
 * <p><b>Forgetting.</b> Every request carries the sender's {@code done} (the highest instance its
 * application has finished with) and every reply the receiver's. A peer's minimum is one more than
 * the lowest done of all peers; instances below it are forgotten everywhere, and requests for them
 * are answered {@code FORGOTTEN}.
 *
 * <p><b>Lost disk.</b> A peer that starts with empty storage may have voted before and forgotten
 * it. It asks the other peers for what they know ({@link dev.ds.paxos.api.RejoinArgs}) until the
 * voting ones among them form a majority of the group, then abstains in every instance up to the
 * highest any of them reported, and votes only for proposal numbers of a new epoch above any they
 * reported. Before it votes or names that epoch to anyone, it has enough voting peers store it so
 * that, with itself, a majority keeps it: so every epoch in use is known to a majority, and the
 * next rejoiner's majority hears of it. Every reply carries the sender's epoch so proposers move
 * to it.
 */
package dev.ds.paxos.api;
