package dev.ds.testkit.kv;

import dev.ds.client.NoReplyException;
import dev.ds.client.kv.KvClient;
import dev.ds.testkit.history.HistoryRecorder;
import dev.ds.testkit.history.KvInput;
import dev.ds.testkit.history.KvOutput;
import java.util.Optional;

/**
 * A {@link KvClient} that records every call in a {@link HistoryRecorder} for the linearizability
 * checker. A call that ends without an answer is recorded as unknown: a write may have taken
 * effect, a read had none.
 */
public final class RecordingKvClient implements KvClient {

    private final KvClient delegate;
    private final HistoryRecorder recorder;
    private final int clientId;

    public RecordingKvClient(KvClient delegate, HistoryRecorder recorder, int clientId) {
        this.delegate = delegate;
        this.recorder = recorder;
        this.clientId = clientId;
    }

    @Override
    public Optional<String> get(String key) {
        long id = recorder.invoke(clientId, KvInput.get(key));
        try {
            Optional<String> value = delegate.get(key);
            recorder.ok(id, value.map(KvOutput::read).orElseGet(KvOutput::noKey));
            return value;
        } catch (NoReplyException e) {
            recorder.unknown(id);
            throw e;
        }
    }

    @Override
    public void put(String key, String value) {
        long id = recorder.invoke(clientId, KvInput.put(key, value));
        write(id, () -> delegate.put(key, value));
    }

    @Override
    public void append(String key, String value) {
        long id = recorder.invoke(clientId, KvInput.append(key, value));
        write(id, () -> delegate.append(key, value));
    }

    private void write(long id, Runnable call) {
        try {
            call.run();
            recorder.ok(id, KvOutput.WRITTEN);
        } catch (NoReplyException e) {
            recorder.unknown(id);
            throw e;
        }
    }
}
