package dev.ds.mapreduce.sample;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes seeded pseudo-English: sentences of words drawn by Zipf's law from a vocabulary whose most
 * frequent ranks are common English words and whose long tail is invented from syllables.
 * Sentences start with a capital and end in punctuation; lines wrap near 72 characters and
 * paragraphs are separated by a blank line, so the text looks to a word count like a book does:
 * the same word capitalised and not, words split by apostrophes and dashes, an occasional accented one.
 */
public final class SampleText {

    /** The head of the vocabulary, most frequent first. */
    private static final List<String> COMMON = List.of(
            "the", "and", "of", "to", "a", "in", "that", "it", "was", "he", "I", "his", "you", "with", "had",
            "for", "as", "her", "she", "not", "at", "on", "but", "be", "is", "my", "him", "said", "have", "all",
            "so", "which", "me", "they", "this", "from", "by", "were", "one", "there", "no", "what", "would",
            "when", "if", "out", "them", "could", "up", "then", "into", "been", "man", "more", "some", "now",
            "little", "time", "very", "do", "who", "will", "upon", "about", "see", "like", "old", "know",
            "house", "door", "night", "hand", "eyes", "king", "water", "river", "forest", "mother", "father",
            "wolf", "bread", "gold", "window", "letter", "street", "garden", "morning", "voice", "stranger",
            "don't", "won't", "o'clock", "well-known", "café", "naïve", "déjà", "Zürich", "fiancée");
    private static final String[] SYLLABLES = {
        "ka", "lo", "mir", "ven", "tor", "el", "ush", "vo", "dra", "sel", "pe", "qui", "bran", "nor", "fi", "gath"};
    private static final int LINE = 72;

    private final Random random;
    private final double[] cumulative;

    /**
     * @param seed the seed of the text; equal seeds give equal text
     * @param vocabulary how many different words the text draws from, at least the common ones
     */
    public SampleText(long seed, int vocabulary) {
        if (vocabulary < COMMON.size()) {
            throw new IllegalArgumentException("vocabulary: at least " + COMMON.size() + " words");
        }
        this.random = new Random(seed);
        this.cumulative = new double[vocabulary];
        double total = 0;
        for (int rank = 0; rank < vocabulary; rank++) {
            total += 1.0 / (rank + 1);
            cumulative[rank] = total;
        }
    }

    /** The word of a rank: a common word, or beyond them one made of two or more syllables. */
    static String word(int rank) {
        if (rank < COMMON.size()) {
            return COMMON.get(rank);
        }
        // Bijective base-16 numbering gives every number its own syllable string; starting above 16
        // skips the one-syllable strings, so an invented word is never shorter than two syllables.
        StringBuilder word = new StringBuilder();
        for (int n = rank - COMMON.size() + SYLLABLES.length + 1; n > 0; n = (n - 1) / SYLLABLES.length) {
            word.append(SYLLABLES[(n - 1) % SYLLABLES.length]);
        }
        return word.toString();
    }

    /** Appends {@code words} words of text, ending with a line break. */
    public void write(Appendable out, int words) throws IOException {
        int column = 0;
        int written = 0;
        while (written < words) {
            int length = Math.min(words - written, 4 + random.nextInt(14));
            for (int i = 0; i < length; i++) {
                String word = next();
                if (i == 0) {
                    word = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
                }
                if (i == length - 1) {
                    word += ".!?".charAt(random.nextInt(8) < 6 ? 0 : 1 + random.nextInt(2));
                } else if (random.nextInt(9) == 0) {
                    word += random.nextInt(4) == 0 ? ";" : ",";
                }
                if (column > 0 && column + 1 + word.length() > LINE) {
                    out.append('\n');
                    column = 0;
                }
                if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
            written += length;
            if (random.nextInt(7) == 0) {
                out.append("\n\n");
                column = 0;
            }
        }
        if (column > 0) {
            out.append('\n');
        }
    }

    private String next() {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int rank = Arrays.binarySearch(cumulative, target);
        return word(rank >= 0 ? rank : -rank - 1);
    }
}
