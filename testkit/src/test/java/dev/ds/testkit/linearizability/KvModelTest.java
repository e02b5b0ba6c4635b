package dev.ds.testkit.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.history.KvInput;
import dev.ds.testkit.history.KvOutput;
import dev.ds.testkit.linearizability.KvModel.KeyState;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KvModelTest {

    private final KvModel model = new KvModel();

    static Stream<Arguments> steps() {
        KeyState absent = new KvModel().init();
        KeyState x = new KeyState("x");
        return Stream.of(
                Arguments.of("get of absent key answers no key", absent, KvInput.get("k"), KvOutput.noKey(),
                        Optional.of(absent)),
                Arguments.of("get of absent key cannot read empty", absent, KvInput.get("k"), KvOutput.read(""),
                        Optional.empty()),
                Arguments.of("get reads the value", x, KvInput.get("k"), KvOutput.read("x"), Optional.of(x)),
                Arguments.of("get cannot read another value", x, KvInput.get("k"), KvOutput.read("y"),
                        Optional.empty()),
                Arguments.of("get of present key cannot answer no key", x, KvInput.get("k"), KvOutput.noKey(),
                        Optional.empty()),
                Arguments.of("put replaces", x, KvInput.put("k", "y"), KvOutput.WRITTEN,
                        Optional.of(new KeyState("y"))),
                Arguments.of("append concatenates", x, KvInput.append("k", "y"), KvOutput.WRITTEN,
                        Optional.of(new KeyState("xy"))),
                Arguments.of("append to absent key puts", absent, KvInput.append("k", "y"), KvOutput.WRITTEN,
                        Optional.of(new KeyState("y"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void steps(String name, KeyState state, KvInput input, KvOutput output, Optional<KeyState> next) {
        assertThat(model.step(state, input, output)).isEqualTo(next);
    }
}
