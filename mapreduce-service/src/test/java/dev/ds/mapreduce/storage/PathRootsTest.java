package dev.ds.mapreduce.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which paths lie inside the roots, on a real folder tree with symbolic links, as an attacker would
 * try them. The tree, under a temporary folder:
 *
 * <pre>
 * in/a.txt, in/sub/b.txt          the root
 * in/link-out  -&gt; secret          a link inside the root to a folder outside
 * in/link-file -&gt; secret/s.txt    a link inside the root to a file outside
 * in/link-in   -&gt; in/sub          a link that stays inside
 * in/dangling  -&gt; nowhere         a link to nothing
 * in/loop      -&gt; in/loop         a link to itself
 * in-sibling/c.txt                a folder whose name starts like the root's
 * secret/s.txt, secret/back -&gt; in
 * root-link    -&gt; in             the root, through a link
 * </pre>
 */
class PathRootsTest {

    @TempDir
    static Path tmp;
    static Path base;

    @BeforeAll
    static void tree() throws IOException {
        base = tmp.toRealPath();
        Files.createDirectories(base.resolve("in/sub"));
        Files.createDirectories(base.resolve("in-sibling"));
        Files.createDirectories(base.resolve("secret"));
        Files.writeString(base.resolve("in/a.txt"), "a");
        Files.writeString(base.resolve("in/sub/b.txt"), "b");
        Files.writeString(base.resolve("in-sibling/c.txt"), "c");
        Files.writeString(base.resolve("secret/s.txt"), "s");
        Files.createSymbolicLink(base.resolve("in/link-out"), base.resolve("secret"));
        Files.createSymbolicLink(base.resolve("in/link-file"), base.resolve("secret/s.txt"));
        Files.createSymbolicLink(base.resolve("in/link-in"), base.resolve("in/sub"));
        Files.createSymbolicLink(base.resolve("in/dangling"), base.resolve("nowhere"));
        Files.createSymbolicLink(base.resolve("in/loop"), base.resolve("in/loop"));
        Files.createSymbolicLink(base.resolve("secret/back"), base.resolve("in"));
        Files.createSymbolicLink(base.resolve("root-link"), base.resolve("in"));
    }

    private static PathRoots roots(String... folders) {
        return new PathRoots("mapreduce.test-roots", Stream.of(folders).map(f -> base.resolve(f).toString()).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "in/a.txt                   | in/a.txt",
        "in                         | in",
        "in/sub/../a.txt            | in/a.txt",
        "in/./sub/b.txt             | in/sub/b.txt",
        "in/link-in/b.txt           | in/sub/b.txt",
        "in/link-in/../a.txt        | in/a.txt",
        "secret/back/a.txt          | in/a.txt",
        "root-link/sub/b.txt        | in/sub/b.txt",
        "in/new                     | in/new",
        "in/new/deeper/./out        | in/new/deeper/out",
        "in/link-in/new             | in/sub/new",
        "in/a.txt/below-a-file      | in/a.txt/below-a-file",
    })
    void pathsThatResolveInsideARootAreAllowedAsTheirRealPath(String path, String expected) {
        assertThat(roots("in").resolve("inputs", base.resolve(path).toString())).isEqualTo(base.resolve(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "secret/s.txt               | is outside the folders mapreduce.test-roots allows (",
        "in/../secret/s.txt         | is outside",
        "in/sub/../../secret/s.txt  | is outside",
        "in-sibling/c.txt           | is outside",
        "in/link-out                | is outside",
        "in/link-out/s.txt          | is outside",
        "in/link-file               | is outside",
        "in/link-out/new/deeper     | is outside",
        "nowhere/new                | is outside",
        "in/new/../../secret/s.txt  | has '..' after a folder that does not exist",
        "in/new/..                  | has '..' after a folder that does not exist",
        "in/dangling                | cannot resolve",
        "in/dangling/new            | cannot resolve",
        "in/loop                    | cannot resolve",
    })
    void pathsThatLeaveTheRootsAreBadRequestsNamingTheField(String path, String reason) {
        String full = base.resolve(path).toString();
        assertThatThrownBy(() -> roots("in").resolve("outputDir", full))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ErrBadRequest);
                    assertThat(e.detail()).startsWith("outputDir: ").contains(reason.trim());
                });
    }

    @Test
    void theFileSystemRootAndOtherAbsolutePathsAreOutside() {
        for (String path : List.of("/", "/etc/passwd", "/tmp")) {
            assertThatThrownBy(() -> roots("in").resolve("inputs", path)).as(path)
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.detail()).startsWith("inputs: " + path + " is outside"));
        }
    }

    @Test
    void aPathTheSystemCannotNameIsRefused() {
        assertThatThrownBy(() -> roots("in").resolve("inputs", base.resolve("in") + "/a\0b"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.detail()).startsWith("inputs: cannot resolve"));
    }

    @Test
    void relativePathsResolveAgainstTheWorkingFolder() {
        Path here = uncheckedRealPath(Path.of(""));
        PathRoots workingFolder = new PathRoots("mapreduce.test-roots", List.of("."));
        assertThat(workingFolder.resolve("inputs", "no-such-file.txt")).isEqualTo(here.resolve("no-such-file.txt"));
        assertThatThrownBy(() -> workingFolder.resolve("inputs", "../escaped.txt"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detail()).contains("is outside"));
    }

    @Test
    void everyRootCountsAndARootGivenThroughALinkContainsItsTarget() {
        PathRoots two = roots("in", "secret");
        assertThat(two.resolve("inputs", base.resolve("secret/s.txt").toString())).isEqualTo(base.resolve("secret/s.txt"));
        assertThat(two.resolve("inputs", base.resolve("in/link-file").toString())).isEqualTo(base.resolve("secret/s.txt"));
        assertThatThrownBy(() -> two.resolve("inputs", base.resolve("in-sibling/c.txt").toString()))
                .isInstanceOf(ProblemException.class);

        PathRoots throughLink = roots("root-link");
        assertThat(throughLink.resolve("inputs", base.resolve("in/a.txt").toString())).isEqualTo(base.resolve("in/a.txt"));
        assertThatThrownBy(() -> throughLink.resolve("inputs", base.resolve("root-link/link-out/s.txt").toString()))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void checkingCreatesNothing() throws IOException {
        roots("in").resolve("outputDir", base.resolve("in/new/deeper").toString());
        assertThatThrownBy(() -> roots("in").resolve("outputDir", base.resolve("nowhere/new").toString()))
                .isInstanceOf(ProblemException.class);
        assertThat(base.resolve("in/new")).doesNotExist();
        assertThat(base.resolve("nowhere")).doesNotExist();
    }

    @Test
    void rootsMustBeExistingFolders() {
        assertThatThrownBy(() -> roots("missing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(base.resolve("missing") + " is not an existing folder");
        assertThatThrownBy(() -> roots("in/a.txt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(base.resolve("in/a.txt") + " is not a folder");
        assertThatThrownBy(() -> roots("in/dangling")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is not an existing folder");
        assertThatThrownBy(() -> new PathRoots("mapreduce.test-roots", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must list at least one folder");
        assertThatThrownBy(() -> new PathRoots("mapreduce.test-roots", List.of(base.toString(), " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("must not contain an empty folder");
    }

    private static Path uncheckedRealPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
