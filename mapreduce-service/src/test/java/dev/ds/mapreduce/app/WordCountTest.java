package dev.ds.mapreduce.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.mapreduce.Gutenberg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The built-in apps' map and reduce functions, against plain reference implementations. */
class WordCountTest {

    private final WordCount wordCount = new WordCount();

    @Test
    void aWordIsAMaximalRunOfLettersWithCaseKept() {
        List<String> words = new ArrayList<>();
        wordCount.map("doc", "Hello, hello-World! it's 42 times ünïcödé 漢字x \uD835\uDC00b", (k, v) -> words.add(k));
        assertThat(words).containsExactly("Hello", "hello", "World", "it", "s", "times", "ünïcödé", "漢字x",
                "\uD835\uDC00b");
    }

    @Test
    void reduceAndCombinerSum() {
        assertThat(wordCount.reduce("w", List.of("1", "5", "10").iterator())).isEqualTo("16");
        assertThat(wordCount.combiner().orElseThrow().combine("w", List.of("1", "1").iterator())).isEqualTo("2");
    }

    @Test
    void mapOverTheBooksCountsLikeAPlainLoop() throws IOException {
        Map<String, Long> byApp = new TreeMap<>();
        Map<String, Long> byLoop = new TreeMap<>();
        for (String book : Gutenberg.some(2)) {
            String text = Files.readString(Path.of(book), StandardCharsets.UTF_8);
            for (String line : text.split("\r?\n")) {
                wordCount.map(book, line, (k, v) -> byApp.merge(k, Long.parseLong(v), Long::sum));
            }
            StringBuilder word = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (Character.isLetter(cp)) {
                    word.appendCodePoint(cp);
                } else if (word.length() > 0) {
                    byLoop.merge(word.toString(), 1L, Long::sum);
                    word.setLength(0);
                }
            });
            if (word.length() > 0) {
                byLoop.merge(word.toString(), 1L, Long::sum);
            }
        }
        assertThat(byApp).isEqualTo(byLoop).hasSizeGreaterThan(1000);
    }

    @Test
    void indexerListsTheDocumentsOfAWordSortedWithTheirCount() {
        Indexer indexer = new Indexer();
        List<String> emitted = new ArrayList<>();
        indexer.map("b.txt", "the cat and the hat", (k, v) -> emitted.add(k + "=" + v));
        assertThat(emitted).containsExactly("the=b.txt", "cat=b.txt", "and=b.txt", "hat=b.txt");
        assertThat(indexer.reduce("the", List.of("b.txt", "a.txt", "b.txt").iterator())).isEqualTo("2 a.txt,b.txt");
    }

    @Test
    void appsAreFoundByNameAndClassName() {
        Apps apps = Apps.load(getClass().getClassLoader());
        assertThat(apps.get("wordcount")).isInstanceOf(WordCount.class);
        assertThat(apps.get(Indexer.class.getName())).isInstanceOf(Indexer.class);
        assertThat(apps.names()).contains("wordcount", "indexer");
        assertThat(apps.find("nosuchapp")).isEmpty();
    }
}
