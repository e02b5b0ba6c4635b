package dev.ds.mapreduce.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SampleTextTest {

    @Test
    void theSameSeedWritesTheSameTextAndAnotherSeedDifferentText() throws IOException {
        assertThat(text(7, 5_000)).isEqualTo(text(7, 5_000)).isNotEqualTo(text(8, 5_000));
    }

    @Test
    void writesTheWordsAskedForInLinesOfBookWidth() throws IOException {
        String text = text(1, 20_000);

        assertThat(text.split("[\\s]+")).hasSize(20_000);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(72));
        assertThat(text).contains("\n\n").endsWith("\n");
    }

    @Test
    void frequenciesFallWithRankOverAVocabularyOfThousands() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : text(3, 100_000).split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                counts.merge(word.toLowerCase(), 1, Integer::sum);
            }
        }

        assertThat(counts).hasSizeGreaterThan(5_000);
        assertThat(counts.get("the")).isGreaterThan(counts.get("and")).isGreaterThan(counts.get("house"));
        assertThat(counts).containsKeys("café", "naïve", "don", "t");
    }

    @Test
    void everyRankHasItsOwnWord() {
        Set<String> words = new HashSet<>();
        for (int rank = 0; rank < SampleFiles.VOCABULARY; rank++) {
            words.add(SampleText.word(rank).toLowerCase());
        }
        assertThat(words).hasSize(SampleFiles.VOCABULARY);
    }

    @Test
    void refusesAVocabularySmallerThanItsCommonWords() {
        assertThatThrownBy(() -> new SampleText(1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("vocabulary");
    }

    private static String text(long seed, int words) throws IOException {
        StringBuilder out = new StringBuilder();
        new SampleText(seed, SampleFiles.VOCABULARY).write(out, words);
        return out.toString();
    }
}
