package dev.ds.mapreduce.app;

import java.util.Iterator;
import java.util.Optional;

/**
 * Counts words (6.824 lab 1's {@code wc}): each word is emitted with 1, and a word's output is the
 * sum. The combiner sums on the map side, so a map task ships one pair per distinct word.
 */
public final class WordCount implements MapReduceApp {

    public static final String NAME = "wordcount";
    private static final Combiner SUM = (key, values) -> Long.toString(sum(values));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void map(String document, String line, Emitter out) {
        LineWindow word = new LineWindow(line);
        Words.forEach(line, (start, end, hash) -> out.emit(word.set(start, end, hash), "1"));
    }

    @Override
    public String reduce(String key, Iterator<String> values) {
        return Long.toString(sum(values));
    }

    @Override
    public Optional<Combiner> combiner() {
        return Optional.of(SUM);
    }

    private static long sum(Iterator<String> values) {
        long total = 0;
        while (values.hasNext()) {
            String value = values.next();
            // Nearly every value is a single digit, the 1 that map emits: no need to parse it.
            char digit = value.length() == 1 ? value.charAt(0) : 0;
            total += digit >= '0' && digit <= '9' ? digit - '0' : Long.parseLong(value);
        }
        return total;
    }
}
