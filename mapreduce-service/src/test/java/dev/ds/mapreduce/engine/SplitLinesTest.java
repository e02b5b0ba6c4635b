package dev.ds.mapreduce.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Splits cut anywhere share out the lines exactly: each line once, whole, in order. */
class SplitLinesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "one\ntwo\nthree\n",
        "no newline at the end",
        "\n\nblank lines\n\n\nbetween\n",
        "crlf\r\nlines\r\nhere\r\n",
        "ünïcödé wörds\nand 漢字\n\uD83D\uDE00 emoji\n",
        "x",
        "",
    })
    void everySplitSizeReadsEveryLineExactlyOnce(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> whole = lines(bytes, 0, bytes.length);
        assertThat(whole).isEqualTo(expectedLines(text));
        for (int size = 1; size <= bytes.length + 1; size++) {
            List<String> joined = new ArrayList<>();
            for (int offset = 0; offset < Math.max(1, bytes.length); offset += size) {
                joined.addAll(lines(bytes, offset, Math.min(size, bytes.length - offset)));
            }
            assertThat(joined).as("split size %d", size).isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 1000, 70_000, 200_000})
    void linesLongerThanTheBufferAreReadWhole(int length) throws IOException {
        String longLine = "a".repeat(length);
        byte[] bytes = ("short\n" + longLine + "\nend\n").getBytes(StandardCharsets.UTF_8);
        assertThat(lines(bytes, 0, bytes.length)).containsExactly("short", longLine, "end");
        assertThat(lines(bytes, 3, 4)).containsExactly(longLine);
    }

    private static List<String> expectedLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static List<String> lines(byte[] bytes, long offset, long length) throws IOException {
        List<String> lines = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(bytes);
        in.skipNBytes(offset == 0 ? 0 : offset - 1);
        SplitLines.read(in, offset, length, lines::add, TaskControl.NONE);
        return lines;
    }
}
