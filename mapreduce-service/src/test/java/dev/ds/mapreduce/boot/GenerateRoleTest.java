package dev.ds.mapreduce.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.mapreduce.sample.SampleFiles;
import dev.ds.testkit.process.Jvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --role=generate} as a user runs it, on a real JVM: it exits 0 having written the books
 * asked for, with the words asked for, and the same settings write the same bytes.
 */
class GenerateRoleTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSeededBooksAskedForAndExits() throws Exception {
        Path out = dir.resolve("books");
        Jvm.Exit exit = Jvm.run(MapReduceApplication.class, List.of("--role=generate",
                "--generate.output-dir=" + out, "--generate.files=3", "--generate.words=2000", "--generate.seed=42"),
                Duration.ofSeconds(60));

        assertThat(exit.code()).as("exit code; stderr: %s", exit.stderr()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("sample-01.txt", "sample-02.txt", "sample-03.txt");
        }
        List<Path> again = SampleFiles.write(dir.resolve("again"), 3, 2000, 42);
        for (Path book : again) {
            Path written = out.resolve(book.getFileName());
            assertThat(Files.readString(written).split("\\s+")).hasSize(2000);
            assertThat(Files.mismatch(written, book)).as("%s is the same for the same seed", book).isEqualTo(-1L);
        }
    }
}
