package dev.ds.testkit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistoryRecorderTest {

    private final AtomicLong time = new AtomicLong();
    private final HistoryRecorder recorder = new HistoryRecorder(time::incrementAndGet);

    @Test
    void recordsAnsweredOperationsWithTheClockTimes() {
        long put = recorder.invoke(1, KvInput.put("k", "v"));
        long get = recorder.invoke(2, KvInput.get("k"));
        recorder.ok(get, KvOutput.read("v"));
        recorder.ok(put, null);

        assertThat(recorder.history()).containsExactly(
                new Operation(2, KvInput.get("k"), KvOutput.read("v"), 2, 3),
                new Operation(1, KvInput.put("k", "v"), KvOutput.WRITTEN, 1, 4));
    }

    @Test
    void keepsAnUnknownWriteWithAnOpenEndedInterval() {
        recorder.unknown(recorder.invoke(1, KvInput.append("k", "x")));

        assertThat(recorder.history()).singleElement().satisfies(op -> {
            assertThat(op.call()).isEqualTo(1);
            assertThat(op.ret()).isEqualTo(Event.UNKNOWN_RETURN);
            assertThat(op.outcomeUnknown()).isTrue();
        });
    }

    @Test
    void leavesOutAnUnknownRead() {
        recorder.unknown(recorder.invoke(1, KvInput.get("k")));

        assertThat(recorder.history()).isEmpty();
    }

    @Test
    void treatsStillPendingWritesAsUnknownAndLeavesOutPendingReads() {
        recorder.invoke(1, KvInput.put("k", "v"));
        recorder.invoke(2, KvInput.get("k"));

        assertThat(recorder.history()).containsExactly(
                new Operation(1, KvInput.put("k", "v"), KvOutput.WRITTEN, 1, Event.UNKNOWN_RETURN));
    }

    @Test
    void rejectsCompletingAnOperationTwiceOrOneNeverInvoked() {
        long id = recorder.invoke(1, KvInput.get("k"));
        recorder.ok(id, KvOutput.noKey());

        assertThatThrownBy(() -> recorder.ok(id, KvOutput.noKey())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> recorder.unknown(id)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> recorder.unknown(42)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsAGetWithoutOutputAndKeepsItPending() {
        long id = recorder.invoke(1, KvInput.get("k"));

        assertThatThrownBy(() -> recorder.ok(id, null)).isInstanceOf(IllegalArgumentException.class);
        recorder.ok(id, KvOutput.noKey());
        assertThat(recorder.history()).hasSize(1);
    }

    @Test
    void returnsAnImmutableSnapshot() {
        recorder.ok(recorder.invoke(1, KvInput.put("k", "v")), KvOutput.WRITTEN);
        List<Operation> history = recorder.history();
        recorder.ok(recorder.invoke(1, KvInput.put("k", "w")), KvOutput.WRITTEN);

        assertThat(history).hasSize(1);
        assertThatThrownBy(() -> history.add(history.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsMalformedRecords() {
        assertThatThrownBy(() -> KvInput.put("k", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KvInput(KvInput.Kind.GET, "k", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Operation(1, KvInput.get("k"), KvOutput.noKey(), 5, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsEveryOperationOfConcurrentClients() throws InterruptedException {
        int clients = 8;
        int opsPerClient = 1000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < opsPerClient; i++) {
                    long id = recorder.invoke(client, KvInput.append("k" + (i % 3), client + "." + i));
                    if (i % 10 == 0) {
                        recorder.unknown(id);
                    } else {
                        recorder.ok(id, KvOutput.WRITTEN);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        List<Operation> history = recorder.history();
        assertThat(history).hasSize(clients * opsPerClient);
        Map<Integer, List<Operation>> byClient = history.stream().collect(Collectors.groupingBy(Operation::clientId));
        assertThat(byClient).hasSize(clients);
        byClient.values().forEach(ops -> assertThat(ops).isSortedAccordingTo(Comparator.comparingLong(Operation::call)));
        assertThat(history).allSatisfy(op -> assertThat(op.call()).isLessThan(op.ret()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
