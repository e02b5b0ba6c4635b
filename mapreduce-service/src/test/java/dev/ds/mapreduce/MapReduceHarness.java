package dev.ds.mapreduce;

import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.MapOutput;
import dev.ds.api.mapreduce.MapReduceApi;
import dev.ds.client.Retry;
import dev.ds.client.mapreduce.MapReduceClient;
import dev.ds.mapreduce.app.Apps;
import dev.ds.mapreduce.coordinator.Coordinator;
import dev.ds.mapreduce.coordinator.CoordinatorSettings;
import dev.ds.mapreduce.storage.FileOutputs;
import dev.ds.mapreduce.storage.InputFiles;
import dev.ds.mapreduce.storage.PathRoots;
import dev.ds.mapreduce.worker.LocalPartitions;
import dev.ds.mapreduce.worker.Worker;
import dev.ds.mapreduce.worker.WorkerConfig;
import dev.ds.rpc.RpcClient;
import dev.ds.rpc.memory.InMemoryNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MapReduce cluster in one JVM, the 6.824 way: the coordinator core on the in-memory network,
 * ticked every {@link #TICK}, and real {@link Worker}s with their own folders, talking to it through
 * the network and fetching each other's map outputs from those folders while the owner is alive.
 * Harness verbs: {@link #startWorker}, {@link #kill}, {@link #run}.
 */
public final class MapReduceHarness implements AutoCloseable {

    public static final Duration TICK = Duration.ofMillis(20);
    public static final String COORDINATOR = "coordinator";

    /** Liveness 1 s, leases 1.5 s, backups after 3 s at the earliest: roomy enough for a loaded machine. */
    public static final CoordinatorSettings SETTINGS = new CoordinatorSettings(50, 75, 4, true, 3.0, 150);

    private final Path root;
    private final InMemoryNetwork network;
    private final Coordinator coordinator;
    private final InputFiles inputFiles;
    private final Apps apps = Apps.load(MapReduceHarness.class.getClassLoader());
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private final Map<String, LocalPartitions> disks = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final MapReduceClient client;

    public MapReduceHarness(Path root, long seed, CoordinatorSettings settings, long splitSize) {
        this.root = root;
        this.network = new InMemoryNetwork(seed);
        this.coordinator = new Coordinator(settings, apps, new FileOutputs(outputRoots()), InstantSource.system(), "job-");
        this.inputFiles = new InputFiles(splitSize, inputRoots());
        network.server(COORDINATOR)
                .handle(MapReduceApi.SUBMIT, request -> coordinator.submit(request, inputFiles.split(request.inputs())))
                .handle(MapReduceApi.JOB, id -> coordinator.job(id.id()))
                .handle(MapReduceApi.NEXT_TASK, coordinator::nextTask)
                .handle(MapReduceApi.HEARTBEAT, coordinator::heartbeat)
                .handle(MapReduceApi.REPORT, coordinator::report);
        ticker.scheduleAtFixedRate(coordinator::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        this.client = new MapReduceClient(network.client("client"), COORDINATOR, new Retry(Duration.ofSeconds(10)));
    }

    public MapReduceHarness(Path root, long seed) {
        this(root, seed, SETTINGS, 64L << 20);
    }

    public Coordinator coordinator() {
        return coordinator;
    }

    public MapReduceClient client() {
        return client;
    }

    /** Jobs read the harness's folder and the books, as an operator would allow. */
    private PathRoots inputRoots() {
        return new PathRoots("mapreduce.input-roots", List.of(root.toString(), Gutenberg.folder().toString()));
    }

    private PathRoots outputRoots() {
        return new PathRoots("mapreduce.output-roots", List.of(root.toString()));
    }

    /** Starts a worker with a fresh address, folder and incarnation. */
    public Worker startWorker() {
        return startWorker(network.client("worker-" + (started.get() + 1)));
    }

    /** Starts a worker whose calls go through {@code rpc} (a test may wrap the network's client). */
    public Worker startWorker(RpcClient rpc) {
        String address = "worker-" + started.incrementAndGet();
        network.server(address);
        LocalPartitions disk = new LocalPartitions(root.resolve("workers").resolve(address));
        WorkerConfig config = new WorkerConfig(address, COORDINATOR, Duration.ofMillis(10), Duration.ofMillis(20),
                8L << 20, 2, Duration.ofMillis(20), inputRoots(), outputRoots());
        Worker worker = new Worker(config, "incarnation-" + address, rpc, apps, disk, this::fetch, reachable -> { });
        disks.put(address, disk);
        workers.put(address, worker);
        worker.start();
        return worker;
    }

    /** A client of the network as node {@code address}, for a worker started with {@link #startWorker(RpcClient)}. */
    public RpcClient networkClient(String address) {
        return network.client(address);
    }

    /** The address the next worker gets. */
    public String nextWorkerAddress() {
        return "worker-" + (started.get() + 1);
    }

    /** Crashes a worker: it stops at once, and nobody reaches it or its map outputs any more. */
    public void kill(String address) {
        network.kill(address);
        Worker worker = workers.remove(address);
        if (worker != null) {
            worker.close();
        }
    }

    /** The workers started and not killed. */
    public List<Worker> workers() {
        return List.copyOf(workers.values());
    }

    /** Submits a job and waits for it to end. */
    public JobStatus run(String app, List<String> inputs, int nReduce, Path outputDir, Duration timeout) {
        JobStatus job = client.submit(new JobRequest(app, inputs, nReduce, outputDir.toString()));
        return client.awaitDone(job.id(), timeout, Duration.ofMillis(10));
    }

    private Optional<InputStream> fetch(String job, MapOutput output, int reduce) {
        LocalPartitions disk = disks.get(output.worker());
        if (disk == null || !network.isAlive(output.worker())) {
            return Optional.empty();
        }
        return disk.partition(job, output.attempt(), reduce).flatMap(MapReduceHarness::open);
    }

    private static Optional<InputStream> open(Path file) {
        try {
            return Optional.of(Files.newInputStream(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        workers.values().forEach(Worker::close);
        ticker.shutdownNow();
    }

    /** Writes {@code lines} to a file under the harness's folder. */
    public Path write(String name, List<String> lines) {
        try {
            Path file = root.resolve("inputs").resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
