package dev.ds.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** What the runner's tests share: where the repository is, and a skip when the service jars are not built. */
final class RunnerTests {

    private RunnerTests() {
    }

    /** The repository root: the tests run in {@code chaos/}. */
    static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("chaos")) ? here : here.getParent();
    }

    /** Skips the test unless {@code modules}' runnable jars are packaged (the reactor builds them first). */
    static void assumeJars(String... modules) {
        for (String module : modules) {
            Path jar = repository().resolve(module).resolve("target").resolve(module + ".jar");
            Assumptions.assumeTrue(Files.isRegularFile(jar), "no " + jar + ": package the services first");
        }
    }

    static Options options(long seed, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("--seed=" + seed, "--repository=" + repository(),
                "--run-dir=" + repository().resolve("chaos/target/chaos-test").resolve(name)));
        args.addAll(List.of(extra));
        return Options.parse(args.toArray(String[]::new));
    }
}
