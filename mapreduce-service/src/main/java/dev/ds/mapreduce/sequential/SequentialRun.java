package dev.ds.mapreduce.sequential;

import dev.ds.mapreduce.app.MapReduceApp;
import dev.ds.mapreduce.engine.MapTask;
import dev.ds.mapreduce.engine.ReduceTask;
import dev.ds.mapreduce.engine.RunStore;
import dev.ds.mapreduce.engine.TaskControl;
import dev.ds.mapreduce.storage.DirectoryRunStore;
import dev.ds.mapreduce.storage.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The reference run ({@code --role=sequential}, 6.824's {@code mrsequential}): one process maps
 * every input, sorts, reduces, and writes the one file {@code outputDir/mr-out-0}. It uses the same
 * app code and engine as the workers, with a single partition, so a job's output can be checked
 * against it.
 */
public final class SequentialRun {

    /**
     * What the run did.
     *
     * @param output the output file
     * @param bytesRead input bytes read
     * @param keys output lines written
     */
    public record Result(Path output, long bytesRead, long keys) {
    }

    private SequentialRun() {
    }

    /** Runs {@code app} over {@code inputs}; the output appears under its final name only when complete. */
    public static Result run(MapReduceApp app, List<String> inputs, Path outputDir, long sortBufferBytes)
            throws IOException {
        Files.createDirectories(outputDir);
        Path scratch = Files.createTempDirectory(outputDir, ".mr-sequential-");
        try {
            RunStore runs = new DirectoryRunStore(scratch);
            MapTask map = new MapTask(app, 1, sortBufferBytes, runs, TaskControl.NONE);
            long read = 0;
            for (String input : inputs) {
                try (InputStream in = Files.newInputStream(Path.of(input))) {
                    read += map.map(input, in, 0, Long.MAX_VALUE);
                }
            }
            map.finish();
            Path temporary = scratch.resolve("mr-out-0");
            long keys;
            try (InputStream partition = runs.open(RunStore.partition(0))) {
                keys = ReduceTask.run(app, List.of(partition), Files.newOutputStream(temporary), TaskControl.NONE);
            }
            Path output = outputDir.resolve("mr-out-0");
            Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Result(output, read, keys);
        } finally {
            Folders.deleteTree(scratch);
        }
    }
}
