package dev.ds.testkit.history;

import java.util.Objects;

/**
 * One key/value operation of a recorded history.
 *
 * @param clientId the client that issued it
 * @param input    what was asked
 * @param output   what was answered; a null output is accepted for a PUT or APPEND and stored as
 *                 {@link KvOutput#WRITTEN}, because their replies carry nothing to check
 * @param call     the time just before the request was sent
 * @param ret      the time just after the answer arrived, or {@link Event#UNKNOWN_RETURN} for a write whose outcome
 *                 is unknown
 */
public record Operation(int clientId, KvInput input, KvOutput output, long call, long ret)
        implements Event<KvInput, KvOutput> {

    public Operation {
        Objects.requireNonNull(input, "input");
        if (output == null) {
            if (input.isRead()) {
                throw new IllegalArgumentException("a GET needs an output; use KvOutput.noKey() for ErrNoKey");
            }
            output = KvOutput.WRITTEN;
        }
        if (ret < call) {
            throw new IllegalArgumentException("returns at " + ret + " before its call at " + call);
        }
    }

    @Override
    public String toString() {
        String answer = input.isRead() ? " -> " + (output.value() == null ? "no key" : '"' + output.value() + '"') : "";
        String end = outcomeUnknown() ? "?" : Long.toString(ret);
        return "client " + clientId + ": " + input + answer + " [" + call + ", " + end + "]";
    }
}
