package dev.ds.mapreduce.worker;

import dev.ds.mapreduce.engine.RunStore;
import dev.ds.mapreduce.storage.DirectoryRunStore;
import dev.ds.mapreduce.storage.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A worker's own disk: the partitions of its map attempts, which it serves to reducers, and a
 * reducer's fetched inputs. Laid out as {@code root/<job>/<attempt>/part-<r>}, so a job's data goes
 * in one delete once the coordinator no longer lists the job as running.
 */
public final class LocalPartitions {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final Path root;
    /** For each job with data here, the heartbeat round in which its first attempt started. */
    private final Map<String, Long> jobRounds = new ConcurrentHashMap<>();

    public LocalPartitions(Path root) {
        this.root = root;
    }

    /** The run store of a map attempt that starts in heartbeat round {@code round}. */
    DirectoryRunStore mapAttempt(String job, long attempt, long round) {
        jobRounds.putIfAbsent(job, round);
        return new DirectoryRunStore(jobDir(job).resolve(Long.toString(attempt)));
    }

    /** A scratch folder for a reduce attempt's fetched inputs. */
    Path reduceScratch(String job, long attempt, long round) {
        jobRounds.putIfAbsent(job, round);
        return jobDir(job).resolve("reduce-" + attempt);
    }

    /** Partition {@code reduce} of a map attempt's output, if this worker holds it. */
    public Optional<Path> partition(String job, long attempt, int reduce) {
        if (!SAFE_NAME.matcher(job).matches()) {
            return Optional.empty();
        }
        Path file = jobDir(job).resolve(Long.toString(attempt)).resolve(RunStore.partition(reduce));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    void discard(String job, long attempt) {
        Folders.deleteTree(jobDir(job).resolve(Long.toString(attempt)));
    }

    /**
     * Deletes the data of every job not in {@code active}, the running jobs as of heartbeat round
     * {@code round}; a job whose data appeared in that round or later may be too new for the list.
     */
    void retainJobs(Collection<String> active, long round) {
        jobRounds.forEach((job, since) -> {
            if (since < round && !active.contains(job)) {
                jobRounds.remove(job);
                Folders.deleteTree(jobDir(job));
            }
        });
    }

    /** Deletes everything: when the worker starts and when it stops, its outputs are of no more use. */
    public void clear() {
        jobRounds.clear();
        Folders.deleteTree(root);
    }

    private Path jobDir(String job) {
        if (!SAFE_NAME.matcher(job).matches()) {
            throw new IllegalArgumentException("not a job id: " + job);
        }
        return root.resolve(job);
    }
}
