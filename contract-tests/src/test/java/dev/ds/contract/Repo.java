package dev.ds.contract;

import java.nio.file.Path;

/** The repository root. Maven runs a module's tests in the module's folder, which lies just below it. */
final class Repo {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private Repo() {
    }
}
