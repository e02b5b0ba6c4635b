package dev.ds.rsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.testkit.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReplicatedStateMachineTest {

    /** A replica: the core over its view of the shared log, applying to its own string. */
    static final class Node {
        final FakeLog<Cmd>.Replica log;
        final StringBuilder state = new StringBuilder();
        final ReplicatedStateMachine<Cmd, String> rsm;

        Node(FakeLog<Cmd> shared, String name, int maxQueued) {
            log = shared.replica();
            rsm = new ReplicatedStateMachine<>(log, cmd -> state.append(cmd.text()).toString(), Cmd::noop, name, maxQueued);
        }

        CompletableFuture<String> submit(String clientId, Long seq, String text) {
            return rsm.submit(new Cmd(rsm.newId(), clientId, seq, text));
        }

        /** Ticks as a driver would: while it makes progress, and idle ticks past the hole patience. */
        void drain() {
            int idle = 0;
            for (int i = 0; i < 1000 && idle <= ReplicatedStateMachine.HOLE_PATIENCE; i++) {
                idle = rsm.tick() ? 0 : idle + 1;
            }
        }
    }

    private static List<Node> cluster(int n, int maxQueued) {
        FakeLog<Cmd> shared = new FakeLog<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new Node(shared, "r" + i, maxQueued));
        }
        Set<FakeLog<Cmd>.Replica> all = new HashSet<>();
        nodes.forEach(node -> all.add(node.log));
        nodes.forEach(node -> node.log.seePeers(all));
        return nodes;
    }

    @Test
    void aSingleReplicaAppliesInSubmissionOrder() {
        Node node = cluster(1, 100).get(0);
        CompletableFuture<String> a = node.submit("c", 1L, "a");
        CompletableFuture<String> b = node.submit("c", 2L, "b");
        node.drain();
        assertThat(a).isCompletedWithValue("a");
        assertThat(b).isCompletedWithValue("ab");
        assertThat(node.rsm.status().applied()).isEqualTo(1);
        assertThat(node.log.done).as("done follows apply").isEqualTo(1);
    }

    @Test
    void replicasInAnyInterleavingApplyTheSameSequenceOnceEach() {
        long seed = Seeds.seed("ReplicatedStateMachineTest");
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<Node> nodes = cluster(3, 100);
            List<CompletableFuture<String>> results = new ArrayList<>();
            int submitted = 0;
            for (int step = 0; step < 60; step++) {
                Node node = nodes.get(random.nextInt(3));
                if (random.nextInt(3) == 0 && submitted < 20) {
                    results.add(node.submit("client" + submitted, 1L, "<" + submitted + ">"));
                    submitted++;
                } else {
                    node.rsm.tick();
                }
            }
            nodes.forEach(Node::drain);
            nodes.forEach(Node::drain);
            assertThat(results).allMatch(CompletableFuture::isDone);
            String state = nodes.get(0).state.toString();
            for (Node node : nodes) {
                assertThat(node.state.toString()).as("seed %d round %d", seed, round).isEqualTo(state);
            }
            for (int i = 0; i < submitted; i++) {
                String token = "<" + i + ">";
                assertThat(state.indexOf(token)).as("%s applied", token).isNotNegative();
                assertThat(state.indexOf(token)).as("%s applied once", token).isEqualTo(state.lastIndexOf(token));
            }
        }
    }

    @Test
    void aRetriedCommandIsAppliedOnceEvenThroughAnotherReplica() {
        List<Node> nodes = cluster(2, 100);
        CompletableFuture<String> first = nodes.get(0).submit("c", 7L, "x");
        CompletableFuture<String> retry = nodes.get(1).submit("c", 7L, "x");
        nodes.forEach(Node::drain);
        nodes.forEach(Node::drain);
        assertThat(nodes.get(0).state).hasToString("x");
        assertThat(nodes.get(1).state).hasToString("x");
        assertThat(first).isCompletedWithValue("x");
        assertThat(retry).isCompletedWithValue("x");
        assertThat(nodes.get(1).submit("c", 7L, "x")).as("answered from the table").isCompletedWithValue("x");
    }

    @Test
    void twoDecidedCopiesOfOneClientCommandAreAppliedOnce() {
        FakeLog<Cmd> shared = new FakeLog<>();
        Node node = new Node(shared, "r0", 10);
        // Two replicas proposed the same client command (a retry) and both won an instance.
        shared.decide(0, new Cmd("r1#0", "c", 1L, "x"));
        shared.decide(1, new Cmd("r2#0", "c", 1L, "x"));
        shared.decide(2, new Cmd("r2#1", "c", 2L, "y"));
        node.drain();
        assertThat(node.state).hasToString("xy");
        assertThat(node.rsm.status().applied()).isEqualTo(2);
    }

    @Test
    void aReplicaThatMissedDecisionsLearnsThemThroughNoops() {
        List<Node> nodes = cluster(3, 100);
        Node lagging = nodes.get(2);
        lagging.log.connected = false;
        nodes.get(0).submit("a", 1L, "1");
        nodes.get(1).submit("b", 1L, "2");
        nodes.get(0).drain();
        nodes.get(1).drain();
        nodes.get(0).drain();
        assertThat(lagging.state).as("it heard nothing while cut off").isEmpty();
        lagging.log.connected = true;
        lagging.drain();
        assertThat(lagging.state.toString()).isEqualTo(nodes.get(0).state.toString()).hasSize(2);
    }

    @Test
    void aCutOffReplicaAnswersNothingAndRefusesWhenFull() {
        Node node = cluster(1, 2).get(0);
        node.log.connected = false;
        CompletableFuture<String> waiting = node.submit("c", 1L, "a");
        node.submit("d", 1L, "b");
        node.drain();
        assertThat(waiting).as("no decision, no answer").isNotDone();
        assertThatThrownBy(() -> node.submit("e", 1L, "c")).isInstanceOf(ReplicatedStateMachine.QueueFullException.class);
    }

    @Test
    void aForgottenInstanceMarksTheReplicaBehind() {
        FakeLog<Cmd> shared = new FakeLog<>();
        Node node = new Node(shared, "r0", 10);
        shared.forgetBelow(5);
        node.rsm.tick();
        assertThat(node.rsm.status().behind()).isTrue();
    }
}
