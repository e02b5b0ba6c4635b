package dev.ds.paxoskv.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.kv.KvWrite;
import dev.ds.api.kv.WriteKind;
import org.junit.jupiter.api.Test;

class KvStoreTest {

    private final KvStore store = new KvStore();

    private KvResult run(KvCommand command) {
        return store.apply(command);
    }

    @Test
    void appendToAnAbsentKeyIsAPutAndReadsSeeWrites() {
        assertThat(run(KvCommand.get("1", "k")).value()).isNull();
        run(KvCommand.write("2", new KvWrite(WriteKind.APPEND, "k", "a", "c", 1L)));
        run(KvCommand.write("3", new KvWrite(WriteKind.APPEND, "k", "b", "c", 2L)));
        assertThat(run(KvCommand.get("4", "k")).value()).isEqualTo("ab");
        run(KvCommand.write("5", new KvWrite(WriteKind.PUT, "k", "z", null, null)));
        assertThat(run(KvCommand.get("6", "k")).value()).isEqualTo("z");
        assertThat(store.keys()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void aNoopChangesNothing() {
        run(KvCommand.noop("1"));
        assertThat(store.keys()).isZero();
        assertThat(KvCommand.noop("1").isNoop()).isTrue();
    }
}
