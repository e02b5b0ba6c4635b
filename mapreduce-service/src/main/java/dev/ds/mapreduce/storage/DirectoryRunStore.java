package dev.ds.mapreduce.storage;

import dev.ds.mapreduce.engine.RunStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@link RunStore} that keeps each run as a file in one folder, created on first write. */
public final class DirectoryRunStore implements RunStore {

    private final Path directory;

    public DirectoryRunStore(Path directory) {
        this.directory = directory;
    }

    private Path path(String name) {
        return directory.resolve(name);
    }

    @Override
    public OutputStream create(String name) throws IOException {
        Files.createDirectories(directory);
        return Files.newOutputStream(path(name));
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(path(name));
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(path(name));
    }
}
