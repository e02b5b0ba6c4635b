package dev.ds.mapreduce.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.mapreduce.Split;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs are cut into byte ranges that cover each file exactly; outputs appear by one rename. */
class StorageTest {

    @TempDir
    Path dir;

    private PathRoots roots() {
        return new PathRoots("mapreduce.roots", List.of(dir.toString()));
    }

    @Test
    void inputsAreCutIntoSplitsThatCoverEachFileExactly() throws IOException {
        Path ten = Files.writeString(dir.resolve("ten.txt"), "0123456789");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertThat(new InputFiles(4, roots()).split(List.of(ten.toString(), empty.toString()))).containsExactly(
                new Split(ten.toString(), 0, 4), new Split(ten.toString(), 4, 4), new Split(ten.toString(), 8, 2),
                new Split(empty.toString(), 0, 0));
        assertThat(new InputFiles(10, roots()).split(List.of(ten.toString()))).containsExactly(new Split(ten.toString(), 0, 10));
    }

    @Test
    void aMissingInputOrAFolderIsABadRequest() {
        InputFiles inputs = new InputFiles(64, roots());
        assertThatThrownBy(() -> inputs.split(List.of(dir.resolve("missing.txt").toString())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ErrBadRequest);
                    assertThat(e.detail()).startsWith("inputs: no such file: ");
                });
        assertThatThrownBy(() -> inputs.split(List.of(dir.toString())))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.detail()).startsWith("inputs: not a regular file: "));
    }

    @Test
    void theWinnersFileIsRenamedIntoPlaceAndLateAttemptsCannotWriteOnceTheJobEnded() throws IOException {
        FileOutputs outputs = new FileOutputs(roots());
        String out = dir.resolve("out").toString();
        outputs.prepare(out, "job-1");
        Path temporary = Path.of(outputs.temporary(out, "job-1", 0, 7));
        Files.writeString(temporary, "a 1\n");

        assertThat(outputs.commit(temporary.toString(), outputs.output(out, 0))).isTrue();
        assertThat(Path.of(out, "mr-out-0")).hasContent("a 1");
        assertThat(outputs.commit(temporary.toString(), outputs.output(out, 0))).as("nothing left to rename").isFalse();

        outputs.cleanUp(out, "job-1");
        assertThat(Path.of(out, "_temporary")).doesNotExist();
        assertThatThrownBy(() -> Files.writeString(Path.of(outputs.temporary(out, "job-1", 0, 8)), "late"))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(Path.of(out, "mr-out-0")).hasContent("a 1");
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsABadRequest() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> new FileOutputs(roots()).prepare(file.resolve("out").toString(), "job-1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detail()).startsWith("outputDir: "));
    }
}
