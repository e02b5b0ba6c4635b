package dev.ds.testkit.linearizability;

import dev.ds.testkit.history.HistoryRecorder;
import dev.ds.testkit.history.KvInput;
import dev.ds.testkit.history.KvOutput;
import dev.ds.testkit.history.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Concurrent clients of a linearizable in-memory key/value store, interleaved at random by a seeded scheduler and
 * recorded with a fake clock. Each operation takes effect atomically at a random moment between its call and its
 * return, so every recorded history is linearizable by construction.
 *
 * <p>To exercise unknown outcomes, a request may be lost (the client gives up before it takes effect; a lost write may
 * still take effect much later, like a delayed packet, or never) and a reply may be lost (the operation took effect
 * but the client gives up).
 */
final class ClientSimulation {

    private static final List<String> KEYS = List.of("a", "b", "c");
    private static final int LOSS_PERCENT = 3;

    private static final class InFlight {
        final long id;
        final KvInput input;
        KvOutput output;

        InFlight(long id, KvInput input) {
            this.id = id;
            this.input = input;
        }
    }

    private final Random random;
    private long now;
    private final HistoryRecorder recorder = new HistoryRecorder(() -> ++now);
    private final Map<String, String> store = new HashMap<>();
    private final List<KvInput> delayedWrites = new ArrayList<>();
    private int sequence;

    ClientSimulation(Random random) {
        this.random = random;
    }

    /** Runs {@code clients} clients until {@code total} operations have been issued and finished. */
    List<Operation> run(int clients, int total) {
        InFlight[] inFlight = new InFlight[clients];
        int issued = 0;
        int busy = 0;
        while (issued < total || busy > 0) {
            int c = random.nextInt(clients);
            if (inFlight[c] == null) {
                if (issued < total) {
                    KvInput input = randomInput(c);
                    inFlight[c] = new InFlight(recorder.invoke(c, input), input);
                    issued++;
                    busy++;
                }
            } else if (advance(inFlight[c])) {
                inFlight[c] = null;
                busy--;
            }
            if (!delayedWrites.isEmpty() && random.nextInt(10) == 0) {
                apply(delayedWrites.remove(random.nextInt(delayedWrites.size())));
            }
        }
        return recorder.history();
    }

    /** Moves an operation one step on: it takes effect, or finishes. Returns whether it finished. */
    private boolean advance(InFlight op) {
        boolean lost = random.nextInt(100) < LOSS_PERCENT;
        if (op.output == null && lost) {
            if (!op.input.isRead() && random.nextBoolean()) {
                delayedWrites.add(op.input);
            }
            recorder.unknown(op.id);
            return true;
        }
        if (op.output == null) {
            op.output = apply(op.input);
            return false;
        }
        if (lost) {
            recorder.unknown(op.id);
        } else {
            recorder.ok(op.id, op.output);
        }
        return true;
    }

    private KvOutput apply(KvInput input) {
        switch (input.kind()) {
            case GET -> {
                return KvOutput.read(store.get(input.key()));
            }
            case PUT -> store.put(input.key(), input.value());
            case APPEND -> store.merge(input.key(), input.value(), String::concat);
        }
        return KvOutput.WRITTEN;
    }

    /** Written values are unique, so that a read pins down which writes it saw and in what order. */
    private KvInput randomInput(int client) {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        String value = "<" + client + "." + sequence++ + ">";
        int dice = random.nextInt(10);
        if (dice < 4) {
            return KvInput.get(key);
        }
        return dice < 6 ? KvInput.put(key, value) : KvInput.append(key, value);
    }
}
