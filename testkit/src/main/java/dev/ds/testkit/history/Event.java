package dev.ds.testkit.history;

/**
 * One operation of a concurrent history as the linearizability checker sees it: the client that issued it, its input,
 * its output and the real-time interval {@code [call, ret]} during which it must have taken effect.
 *
 * <p>The checker is generic over this interface, so that a model other than the key/value one (for example the shard
 * master's) can be checked from its own records.
 *
 * @param <I> the operation's input
 * @param <O> the operation's output
 */
public interface Event<I, O> {

    /**
     * The return time of an operation whose outcome is unknown. As in Knossos and Porcupine, such an operation may
     * take effect at any time after its call, or never, so its interval is open-ended.
     */
    long UNKNOWN_RETURN = Long.MAX_VALUE;

    int clientId();

    I input();

    O output();

    long call();

    long ret();

    default boolean outcomeUnknown() {
        return ret() == UNKNOWN_RETURN;
    }
}
