package dev.ds.testkit.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.Seeds;
import dev.ds.testkit.history.HistoryRecorder;
import dev.ds.testkit.history.KvInput;
import dev.ds.testkit.history.KvOutput;
import dev.ds.testkit.history.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RandomizedLinearizabilityTest {

    private static final Duration BUDGET = Duration.ofSeconds(30);

    @Test
    void acceptsSimulatedHistoriesAndRejectsThemWithOneReadCorrupted() {
        long seed = Seeds.seed("simulated histories");
        Random random = new Random(seed);
        int proven = 0;
        for (int round = 0; round < 10; round++) {
            List<Operation> history = new ClientSimulation(random).run(5, 500);
            String context = "seed " + seed + ", round " + round;

            assertThat(LinearizabilityChecker.check(history, BUDGET)).as(context).hasToString("OK");

            List<Operation> corrupted = corruptOneRead(history, random);
            Operation changed = corrupted.stream().filter(op -> !history.contains(op)).findFirst().orElseThrow();
            CheckResult result = LinearizabilityChecker.check(corrupted, BUDGET);
            // Proving a history illegal means exhausting its search space, which for some corrupted
            // histories exceeds the checker's memory cap: UNKNOWN is then the honest answer. OK never is.
            assertThat(result.verdict()).as(context).isNotEqualTo(Verdict.OK);
            assertThat(result.key()).as(context).isEqualTo(changed.input().key());
            if (result.verdict() == Verdict.ILLEGAL) {
                proven++;
            }
        }
        assertThat(proven).as("corrupted histories proven ILLEGAL (seed %d)", seed).isGreaterThanOrEqualTo(5);
    }

    @Test
    void agreesWithBruteForceOnSmallRandomHistories() {
        long seed = Seeds.seed("brute-force cross-check");
        Random random = new Random(seed);
        int linearizable = 0;
        int histories = 3000;
        for (int i = 0; i < histories; i++) {
            List<Operation> history = randomSmallHistory(random);
            boolean expected = BruteForceChecker.linearizable(history);

            CheckResult result = LinearizabilityChecker.check(history, BUDGET);

            assertThat(result.verdict()).as("seed %d, history %s", seed, history)
                    .isEqualTo(expected ? Verdict.OK : Verdict.ILLEGAL);
            linearizable += expected ? 1 : 0;
        }
        assertThat(linearizable).as("both verdicts must be well represented").isBetween(histories / 5, histories * 4 / 5);
    }

    @Test
    void acceptsAHistoryRecordedFromRealThreads() throws InterruptedException {
        long seed = Seeds.seed("real threads");
        HistoryRecorder recorder = new HistoryRecorder();
        ConcurrentHashMap<String, String> store = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Random random = new Random(seed + c);
            int client = c;
            Thread thread = new Thread(() -> runClient(client, random, recorder, store, start));
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(LinearizabilityChecker.check(recorder.history(), BUDGET)).hasToString("OK");
    }

    private static void runClient(int client, Random random, HistoryRecorder recorder,
            ConcurrentHashMap<String, String> store, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int i = 0; i < 300; i++) {
            String key = "k" + random.nextInt(3);
            String value = "<" + client + "." + i + ">";
            switch (random.nextInt(3)) {
                case 0 -> {
                    long id = recorder.invoke(client, KvInput.get(key));
                    recorder.ok(id, KvOutput.read(store.get(key)));
                }
                case 1 -> {
                    long id = recorder.invoke(client, KvInput.put(key, value));
                    store.put(key, value);
                    recorder.ok(id, KvOutput.WRITTEN);
                }
                default -> {
                    long id = recorder.invoke(client, KvInput.append(key, value));
                    store.merge(key, value, String::concat);
                    recorder.ok(id, KvOutput.WRITTEN);
                }
            }
        }
    }

    /** Replaces the output of one random read with a value that was never written. */
    private static List<Operation> corruptOneRead(List<Operation> history, Random random) {
        List<Integer> reads = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).input().isRead()) {
                reads.add(i);
            }
        }
        int victim = reads.get(random.nextInt(reads.size()));
        Operation read = history.get(victim);
        List<Operation> corrupted = new ArrayList<>(history);
        corrupted.set(victim, new Operation(read.clientId(), read.input(), KvOutput.read("<corrupt>"), read.call(),
                read.ret()));
        return corrupted;
    }

    /**
     * Up to seven operations on two keys over a short time span, with small values so that different orders can
     * produce the same state, and random read results so that both verdicts occur.
     */
    private static List<Operation> randomSmallHistory(Random random) {
        String[] reads = {null, "a", "b", "ab", "ba"};
        List<Operation> history = new ArrayList<>();
        int size = 1 + random.nextInt(7);
        for (int i = 0; i < size; i++) {
            String key = random.nextInt(4) == 0 ? "l" : "k";
            String value = random.nextBoolean() ? "a" : "b";
            long call = random.nextInt(12);
            long ret = call + random.nextInt(6);
            int kind = random.nextInt(3);
            KvInput input = kind == 0 ? KvInput.get(key) : kind == 1 ? KvInput.put(key, value) : KvInput.append(key, value);
            KvOutput output = input.isRead() ? KvOutput.read(reads[random.nextInt(reads.length)]) : KvOutput.WRITTEN;
            if (!input.isRead() && random.nextInt(5) == 0) {
                ret = Ops.NEVER;
            }
            history.add(new Operation(i, input, output, call, ret));
        }
        return history;
    }
}
