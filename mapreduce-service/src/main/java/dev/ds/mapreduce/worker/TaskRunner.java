package dev.ds.mapreduce.worker;

import dev.ds.api.mapreduce.MapOutput;
import dev.ds.api.mapreduce.Split;
import dev.ds.api.mapreduce.TaskAssignment;
import dev.ds.mapreduce.app.MapReduceApp;
import dev.ds.mapreduce.engine.MapTask;
import dev.ds.mapreduce.engine.ReduceTask;
import dev.ds.mapreduce.storage.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The file and network side of one attempt: opens the split and hands it to the engine, keeps the
 * map output in {@link LocalPartitions}; for a reduce, fetches every map output first, then merges
 * and writes the temporary output file the coordinator named. Every file a task names is checked
 * against the worker's own roots before it is opened or created.
 */
final class TaskRunner {

    /** Outputs a reducer could not fetch; the attempt reports them instead of an output. */
    static final class OutputsLost extends Exception {
        final List<MapOutput> lost;

        OutputsLost(List<MapOutput> lost) {
            super("could not fetch " + lost, null, false, false);
            this.lost = List.copyOf(lost);
        }
    }

    private static final int COPY_CHECKPOINT = 1 << 20;

    private final WorkerConfig config;
    private final LocalPartitions partitions;
    private final PartitionSource remote;
    private final WorkerCounters counters;

    TaskRunner(WorkerConfig config, LocalPartitions partitions, PartitionSource remote, WorkerCounters counters) {
        this.config = config;
        this.partitions = partitions;
        this.remote = remote;
        this.counters = counters;
    }

    /** Runs a map attempt; returns the bytes of each reduce partition it wrote (index r for reduce r). */
    List<Long> map(MapReduceApp app, AttemptControl control, long round) throws IOException {
        TaskAssignment task = control.task;
        Split split = task.split();
        Path input = config.inputRoots().resolve("inputs", split.path());
        MapTask map = new MapTask(app, task.nReduce(), config.sortBufferBytes(),
                partitions.mapAttempt(task.job(), task.attempt(), round), control);
        // The byte before the split tells whether a line starts at the split's first byte.
        long from = split.offset() == 0 ? 0 : split.offset() - 1;
        try (FileChannel channel = FileChannel.open(input).position(from);
             InputStream in = Channels.newInputStream(channel)) {
            counters.bytesRead.add(map.map(split.path(), in, split.offset(), split.length()));
        }
        counters.bytesWritten.add(map.finish());
        return map.partitionBytes();
    }

    void reduce(MapReduceApp app, AttemptControl control, long round) throws IOException, OutputsLost {
        TaskAssignment task = control.task;
        Path output = outputFile(task);
        Path scratch = partitions.reduceScratch(task.job(), task.attempt(), round);
        try {
            List<Path> inputs = fetchAll(task, scratch, control);
            List<InputStream> streams = new ArrayList<>();
            try {
                for (Path input : inputs) {
                    streams.add(Files.newInputStream(input));
                }
                // No CREATE of folders: once its job has ended, a late attempt must not leave files behind.
                OutputStream out = Files.newOutputStream(output, StandardOpenOption.CREATE_NEW);
                ReduceTask.run(app, streams, out, control);
                counters.bytesWritten.add(Files.size(output));
            } finally {
                for (InputStream stream : streams) {
                    stream.close();
                }
            }
        } finally {
            Folders.deleteTree(scratch);
        }
    }

    /** The temporary output file of a reduce attempt; {@code ErrBadRequest} if it lies outside the output roots. */
    Path outputFile(TaskAssignment task) {
        return config.outputRoots().resolve("outputDir", task.outputFile());
    }

    /** Fetches partition {@code task.index()} of every map output; reports all that could not be had. */
    private List<Path> fetchAll(TaskAssignment task, Path scratch, AttemptControl control)
            throws IOException, OutputsLost {
        Files.createDirectories(scratch);
        List<Path> fetched = new ArrayList<>();
        List<MapOutput> lost = new ArrayList<>();
        for (MapOutput output : task.mapOutputs()) {
            Optional<Path> local = output.worker().equals(config.self())
                    ? partitions.partition(task.job(), output.attempt(), task.index()) : Optional.empty();
            Optional<Path> file = local.isPresent() ? local : fetch(task, output, scratch, control);
            file.ifPresentOrElse(fetched::add, () -> lost.add(output));
            file.ifPresent(path -> counters.bytesShuffled.add(sizeOf(path)));
        }
        if (!lost.isEmpty()) {
            throw new OutputsLost(lost);
        }
        return fetched;
    }

    private Optional<Path> fetch(TaskAssignment task, MapOutput output, Path scratch, AttemptControl control)
            throws IOException {
        Path target = scratch.resolve("map-" + output.map());
        for (int attempt = 1; attempt <= config.fetchAttempts(); attempt++) {
            Optional<InputStream> source = remote.open(task.job(), output, task.index());
            if (source.isPresent()) {
                try (InputStream in = source.get(); OutputStream out = Files.newOutputStream(target)) {
                    copy(in, out, control);
                    return Optional.of(target);
                } catch (IOException brokenMidway) {
                    Files.deleteIfExists(target);
                }
            }
            // A try is progress: a reducer waiting on an unreachable worker is busy, not stalled.
            control.checkpoint(1);
            if (attempt < config.fetchAttempts()) {
                pause();
            }
        }
        return Optional.empty();
    }

    private static void copy(InputStream in, OutputStream out, AttemptControl control) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long sinceCheckpoint = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            sinceCheckpoint += n;
            if (sinceCheckpoint >= COPY_CHECKPOINT) {
                control.checkpoint(sinceCheckpoint);
                sinceCheckpoint = 0;
            }
        }
        control.checkpoint(sinceCheckpoint);
    }

    private void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(config.fetchBackoff().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }
}
