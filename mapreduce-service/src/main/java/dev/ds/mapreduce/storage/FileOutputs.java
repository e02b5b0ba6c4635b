package dev.ds.mapreduce.storage;

import dev.ds.mapreduce.coordinator.Outputs;
import dev.ds.rpc.ProblemException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outputs on the shared file system. Reduce attempts write into {@code outputDir/_temporary/<job>/},
 * which exists only while the job runs: an attempt that wakes up after its job ended cannot leave
 * a file behind, because nobody creates the folder again. Committing is one atomic rename. An
 * output folder must lie inside the output roots, checked before anything is created.
 */
public final class FileOutputs implements Outputs {

    private static final Logger log = LoggerFactory.getLogger(FileOutputs.class);
    static final String TEMPORARY = "_temporary";

    private final PathRoots roots;

    /** @param roots where output folders may be */
    public FileOutputs(PathRoots roots) {
        this.roots = roots;
    }

    @Override
    public String prepare(String outputDir, String job) {
        String folder = roots.resolve("outputDir", outputDir).toString();
        try {
            Files.createDirectories(temporaries(folder, job));
            return folder;
        } catch (IOException | InvalidPathException e) {
            throw ProblemException.badRequest("outputDir: cannot create " + outputDir + ": " + e.getMessage());
        }
    }

    @Override
    public String temporary(String outputDir, String job, int reduce, long attempt) {
        return temporaries(outputDir, job).resolve("mr-out-" + reduce + ".attempt-" + attempt).toString();
    }

    @Override
    public String output(String outputDir, int reduce) {
        return Path.of(outputDir, "mr-out-" + reduce).toString();
    }

    @Override
    public boolean commit(String temporary, String output) {
        try {
            Files.move(Path.of(temporary), Path.of(output), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            log.warn("could not commit {} to {}: {}", temporary, output, e.toString());
            return false;
        }
    }

    @Override
    public void cleanUp(String outputDir, String job) {
        Folders.deleteTree(temporaries(outputDir, job));
        try {
            Files.deleteIfExists(Path.of(outputDir, TEMPORARY));
        } catch (DirectoryNotEmptyException otherJobsStillRun) {
            // Another job writes to the same folder; the last one to finish removes it.
        } catch (IOException e) {
            log.warn("could not remove {}/{}: {}", outputDir, TEMPORARY, e.toString());
        }
    }

    private static Path temporaries(String outputDir, String job) {
        return Path.of(outputDir, TEMPORARY, job);
    }
}
