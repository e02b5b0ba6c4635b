package dev.ds.mapreduce.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.mapreduce.Gutenberg;
import dev.ds.testkit.process.Jvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --role=sequential} as a user runs it, on a real JVM over every book: it exits 0 and writes
 * exactly {@code mr-out-0}, whose lines equal a plain word loop's answer for {@code wordcount} and
 * {@code indexer} (CONTRACT.md section 6).
 */
class SequentialRoleTest {

    @TempDir
    Path dir;

    @Test
    void wordcountAndIndexerMatchAPlainLoopOverEveryBook() throws Exception {
        List<String> books = Gutenberg.all();
        Process wordcount = start("wordcount", books, dir.resolve("wc"));
        Process indexer = start("indexer", books, dir.resolve("ix"));
        assertThat(wordcount.waitFor(120, TimeUnit.SECONDS) && indexer.waitFor(120, TimeUnit.SECONDS))
                .as("both runs exit").isTrue();
        assertThat(wordcount.exitValue()).as("wordcount exit code").isZero();
        assertThat(indexer.exitValue()).as("indexer exit code").isZero();

        Map<String, Long> counts = new TreeMap<>();
        Map<String, Set<String>> documents = new TreeMap<>();
        for (String book : books) {
            forEachWord(book, (word, unused) -> {
                counts.merge(word, 1L, Long::sum);
                documents.computeIfAbsent(word, w -> new TreeSet<>()).add(book);
            });
        }
        List<String> expectedCounts = new ArrayList<>();
        counts.forEach((word, n) -> expectedCounts.add(word + " " + n));
        List<String> expectedIndex = new ArrayList<>();
        documents.forEach((word, docs) -> expectedIndex.add(word + " " + docs.size() + " " + String.join(",", docs)));

        assertThat(onlyOutput(dir.resolve("wc"))).isEqualTo(expectedCounts);
        assertThat(onlyOutput(dir.resolve("ix"))).isEqualTo(expectedIndex);
    }

    private Process start(String app, List<String> books, Path out) throws IOException {
        List<String> command = List.of(Jvm.javaBin(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), MapReduceApplication.class.getName(), "--role=sequential",
                "--mapreduce.app=" + app, "--mapreduce.inputs=" + String.join(",", books),
                "--mapreduce.output-dir=" + out);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(app + ".log").toFile()).start();
    }

    /** The only file in {@code out} is {@code mr-out-0}; its lines, sorted as a Java TreeMap sorts keys. */
    private static List<String> onlyOutput(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("mr-out-0");
        }
        return Files.readAllLines(out.resolve("mr-out-0"));
    }

    /** Words as the contract defines them, found by a loop that shares no code with the apps. */
    private static void forEachWord(String book, BiConsumer<String, String> action) throws IOException {
        String text = Files.readString(Path.of(book), StandardCharsets.UTF_8);
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetter(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                action.accept(word.toString(), book);
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            action.accept(word.toString(), book);
        }
    }
}
