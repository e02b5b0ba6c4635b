package dev.ds.paxos.crash;

import dev.ds.paxos.Paxos;
import dev.ds.paxos.PaxosStatus;
import dev.ds.paxos.ValueCodec;
import dev.ds.paxos.core.Bootstrap;
import dev.ds.paxos.core.PaxosConfig;
import dev.ds.paxos.core.PaxosListener;
import dev.ds.paxos.runtime.PaxosNode;
import dev.ds.paxos.storage.RocksDbStorage;
import dev.ds.rpc.memory.InMemoryNetwork;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.cluster.Cluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Run in a child JVM by {@link CrashRestartTest}: a group of three peers on the in-memory network,
 * each on its own RocksDB store under the given folder, started as a node starts
 * ({@link Bootstrap#REJOIN}).
 *
 * <ul>
 *   <li>{@code propose TAG}: decides instance after instance, each proposed by one peer, and prints
 *       {@code decided SEQ VALUE} as its proposer learns it, until killed;
 *   <li>{@code learn TAG LAST}: proposes TAG-values in every instance up to LAST on every peer,
 *       waits until all peers have decided all of them, checks they agree, prints each decision,
 *       then {@code done}.
 * </ul>
 */
public final class GroupRunner {

    private static final int PEERS = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private GroupRunner() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        List<String> addresses = Cluster.addresses("peer", PEERS);
        InMemoryNetwork network = new InMemoryNetwork(1);
        List<Paxos<String>> group = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            PaxosNode node = PaxosNode.start(PaxosConfig.of(i, PEERS, Bootstrap.NEW),
                    RocksDbStorage.open(dir.resolve("peer-" + i)), network.client(addresses.get(i)), addresses,
                    PaxosListener.NONE, new Random(i));
            network.server(addresses.get(i)).serve(node.routes());
            group.add(new Paxos<>(node.peer(), ValueCodec.json(String.class)));
        }
        if (args[1].equals("propose")) {
            propose(group, args[2]);
        } else {
            learn(group, args[2], Long.parseLong(args[3]));
        }
    }

    private static void propose(List<Paxos<String>> group, String tag) {
        for (long seq = 0; ; seq++) {
            Paxos<String> proposer = group.get((int) (seq % PEERS));
            long instance = seq;
            proposer.start(instance, tag + "-" + instance);
            Await.until("instance " + instance, WAIT, () -> proposer.status(instance).isDecided());
            System.out.println("decided " + instance + " " + proposer.status(instance).value());
            System.out.flush();
        }
    }

    private static void learn(List<Paxos<String>> group, String tag, long last) {
        for (long seq = 0; seq <= last; seq++) {
            for (Paxos<String> px : group) {
                px.start(seq, tag + "-" + seq);
            }
        }
        for (long seq = 0; seq <= last; seq++) {
            long instance = seq;
            Await.until("instance " + instance + " everywhere", WAIT,
                    () -> group.stream().allMatch(px -> px.status(instance).isDecided()));
            PaxosStatus<String> first = group.get(0).status(instance);
            for (Paxos<String> px : group) {
                if (!px.status(instance).value().equals(first.value())) {
                    throw new IllegalStateException("peers disagree on instance " + instance);
                }
            }
            System.out.println("decided " + instance + " " + first.value());
        }
        System.out.println("done");
        System.out.flush();
        System.exit(0);
    }
}
