package dev.ds.chaos.workload;

import dev.ds.testkit.history.Event;
import dev.ds.testkit.history.KvInput;
import dev.ds.testkit.history.KvOutput;
import dev.ds.testkit.history.Operation;
import java.util.Optional;

/**
 * One client operation as the runner saw it. Times are nanoseconds since the run began.
 *
 * @param outcome OK when answered; UNKNOWN when no answer came (a write may or may not have taken
 *     effect); FAILED when a problem came back that says the operation was not applied
 * @param output for a GET answered OK, the value read (null: no key)
 */
public record Op(long id, String store, int client, KvInput input, Outcome outcome, String output, long call,
        long ret, String error) {

    /** How an operation ended. */
    public enum Outcome { OK, UNKNOWN, FAILED }

    /**
     * The operation as the linearizability checker takes it: a write without an answer is open-ended
     * (it may take effect any time after its call, or never), a read without one told nothing and is
     * left out, as testkit's HistoryRecorder does.
     */
    public Optional<Operation> forChecker() {
        return switch (outcome) {
            case OK -> Optional.of(new Operation(client, input,
                    input.isRead() ? KvOutput.read(output) : KvOutput.WRITTEN, call, ret));
            case UNKNOWN -> input.isRead() ? Optional.empty()
                    : Optional.of(new Operation(client, input, KvOutput.WRITTEN, call, Event.UNKNOWN_RETURN));
            case FAILED -> Optional.empty();
        };
    }
}
