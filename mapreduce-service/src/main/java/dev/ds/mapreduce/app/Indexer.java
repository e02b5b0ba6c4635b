package dev.ds.mapreduce.app;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * An inverted index (6.824's {@code indexer}): for each word, how many inputs contain it and which,
 * as {@code N doc1,doc2,...} with the documents sorted. Map emits a word once per line it is on.
 */
public final class Indexer implements MapReduceApp {

    public static final String NAME = "indexer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void map(String document, String line, Emitter out) {
        Set<String> seen = new HashSet<>();
        Words.forEach(line, (start, end, hash) -> {
            String word = line.substring(start, end);
            if (seen.add(word)) {
                out.emit(word, document);
            }
        });
    }

    @Override
    public String reduce(String key, Iterator<String> values) {
        TreeSet<String> documents = new TreeSet<>();
        values.forEachRemaining(documents::add);
        return documents.size() + " " + String.join(",", documents);
    }
}
