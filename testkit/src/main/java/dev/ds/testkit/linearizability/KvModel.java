package dev.ds.testkit.linearizability;

import dev.ds.testkit.history.Event;
import dev.ds.testkit.history.KvInput;
import dev.ds.testkit.history.KvOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sequential specification of the 6.824 key/value service: GET returns the current value (or ErrNoKey while the key
 * is absent), PUT replaces it, and APPEND concatenates to it, an append to an absent key acting as a put.
 *
 * <p>Keys never interact, so the model partitions a history by key and its state is that of a single key.
 */
public final class KvModel implements Model<KvModel.KeyState, KvInput, KvOutput> {

    /**
     * The state of one key.
     *
     * @param value the key's value, or null while the key is absent
     */
    public record KeyState(String value) {

        static final KeyState ABSENT = new KeyState(null);
    }

    @Override
    public KeyState init() {
        return KeyState.ABSENT;
    }

    @Override
    public Optional<KeyState> step(KeyState state, KvInput input, KvOutput output) {
        return switch (input.kind()) {
            case GET -> Objects.equals(state.value(), output.value()) ? Optional.of(state) : Optional.empty();
            case PUT -> Optional.of(new KeyState(input.value()));
            case APPEND -> Optional.of(new KeyState(state.value() == null
                    ? input.value() : state.value() + input.value()));
        };
    }

    /** Groups the history by key, in key order so that results are reproducible. */
    @Override
    public <E extends Event<KvInput, KvOutput>> Map<String, List<E>> partition(List<E> history) {
        Map<String, List<E>> byKey = new TreeMap<>();
        for (E op : history) {
            byKey.computeIfAbsent(op.input().key(), k -> new ArrayList<>()).add(op);
        }
        return byKey;
    }

    @Override
    public String describeState(KeyState state) {
        return state.value() == null ? "absent" : '"' + state.value() + '"';
    }
}
