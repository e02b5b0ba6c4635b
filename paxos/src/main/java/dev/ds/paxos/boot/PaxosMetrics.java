package dev.ds.paxos.boot;

import dev.ds.paxos.api.ProposalNumber;
import dev.ds.paxos.api.Value;
import dev.ds.paxos.core.Message;
import dev.ds.paxos.core.PaxosListener;
import dev.ds.paxos.core.PaxosPeer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Paxos metrics: instances decided, proposals, rounds and rounds per decision, RPCs by type
 * (sent, by outcome, and received), instances forgotten; and gauges of min, max and retained.
 *
 * <p>It is the peer's listener from the start, but counts only once bound to the registry: the
 * peer must exist before Micrometer binds meters, and nothing happens in between that matters.
 */
final class PaxosMetrics implements PaxosListener, MeterBinder {

    private final Supplier<PaxosPeer> peer;
    private volatile Meters meters;

    PaxosMetrics(Supplier<PaxosPeer> peer) {
        this.peer = peer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("paxos.min", peer, p -> p.get().peerStatus().min())
                .description("Lowest instance not yet forgotten").register(registry);
        Gauge.builder("paxos.max", peer, p -> p.get().peerStatus().max())
                .description("Highest instance seen").register(registry);
        Gauge.builder("paxos.retained", peer, p -> p.get().peerStatus().retained())
                .description("Instances held in memory and storage").register(registry);
        meters = new Meters(registry);
    }

    @Override
    public void proposing(long seq) {
        Meters m = meters;
        if (m != null) {
            m.proposals.increment();
        }
    }

    @Override
    public void round(long seq, ProposalNumber number) {
        Meters m = meters;
        if (m != null) {
            m.rounds.increment();
        }
    }

    @Override
    public void decided(long seq, Value value, int rounds) {
        Meters m = meters;
        if (m != null) {
            m.decided.increment();
            if (rounds > 0) {
                m.roundsPerDecision.record(rounds);
            }
        }
    }

    @Override
    public void called(Message type, boolean answered) {
        Meters m = meters;
        if (m != null) {
            (answered ? m.replied : m.unanswered).get(type).increment();
        }
    }

    @Override
    public void handled(Message type) {
        Meters m = meters;
        if (m != null) {
            m.received.get(type).increment();
        }
    }

    @Override
    public void forgotten(long min, int dropped) {
        Meters m = meters;
        if (m != null) {
            m.forgotten.increment(dropped);
        }
    }

    private static final class Meters {
        private final Counter proposals;
        private final Counter rounds;
        private final Counter decided;
        private final Counter forgotten;
        private final DistributionSummary roundsPerDecision;
        private final Map<Message, Counter> replied = new EnumMap<>(Message.class);
        private final Map<Message, Counter> unanswered = new EnumMap<>(Message.class);
        private final Map<Message, Counter> received = new EnumMap<>(Message.class);

        Meters(MeterRegistry registry) {
            proposals = Counter.builder("paxos.proposals").description("Proposers started by start()")
                    .register(registry);
            rounds = Counter.builder("paxos.rounds").description("Proposer rounds (phase 1) begun").register(registry);
            decided = Counter.builder("paxos.instances.decided").description("Decisions this peer learned")
                    .register(registry);
            forgotten = Counter.builder("paxos.instances.forgotten").description("Instances freed below the minimum")
                    .register(registry);
            roundsPerDecision = DistributionSummary.builder("paxos.rounds.per.decision")
                    .description("Rounds this peer's proposer took to reach a decision").register(registry);
            for (Message type : Message.values()) {
                replied.put(type, rpc("paxos.rpc.sent", type).tag("outcome", "reply").register(registry));
                unanswered.put(type, rpc("paxos.rpc.sent", type).tag("outcome", "no_reply").register(registry));
                received.put(type, rpc("paxos.rpc.received", type).register(registry));
            }
        }

        private static Counter.Builder rpc(String name, Message type) {
            return Counter.builder(name).description("Paxos calls between peers, by type").tag("type", type.tag());
        }
    }
}
