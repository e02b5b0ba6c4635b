package dev.ds.mapreduce.app;

/**
 * Finds words: maximal runs of letters by {@link Character#isLetter(int)} (CONTRACT.md section 6).
 * ASCII, nearly all of the input, is decided without a table lookup.
 */
final class Words {

    /** Receives the bounds of each word of a line, and its {@link String#hashCode()}. */
    @FunctionalInterface
    interface WordSink {
        void word(int start, int end, int hash);
    }

    private Words() {
    }

    /** Finds the words of {@code line}, hashing each while scanning it, so nothing reads it twice. */
    static void forEach(String line, WordSink sink) {
        int n = line.length();
        int start = -1;
        int hash = 0;
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            int width = 1;
            boolean letter;
            if (c < 0x80) {
                letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            } else {
                int codePoint = line.codePointAt(i);
                width = Character.charCount(codePoint);
                letter = Character.isLetter(codePoint);
            }
            if (letter) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                }
                hash = 31 * hash + c;
                if (width == 2) {
                    hash = 31 * hash + line.charAt(i + 1);
                }
            } else if (start >= 0) {
                sink.word(start, i, hash);
                start = -1;
            }
            i += width;
        }
        if (start >= 0) {
            sink.word(start, n, hash);
        }
    }
}
