package dev.ds.mapreduce.worker;

import dev.ds.api.mapreduce.AttemptOutcome;
import dev.ds.api.mapreduce.AttemptProgress;
import dev.ds.api.mapreduce.Heartbeat;
import dev.ds.api.mapreduce.HeartbeatReply;
import dev.ds.api.mapreduce.MapOutput;
import dev.ds.api.mapreduce.MapReduceApi;
import dev.ds.api.mapreduce.NextTaskReply;
import dev.ds.api.mapreduce.NextTaskRequest;
import dev.ds.api.mapreduce.ReportReply;
import dev.ds.api.mapreduce.TaskAssignment;
import dev.ds.api.mapreduce.TaskKind;
import dev.ds.api.mapreduce.TaskReport;
import dev.ds.mapreduce.app.Apps;
import dev.ds.mapreduce.app.MapReduceApp;
import dev.ds.mapreduce.engine.TaskCancelledException;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MapReduce worker: pulls a task from the coordinator, runs it, reports, and asks again; a
 * second thread sends heartbeats with the running attempt's progress and cancels it when the
 * coordinator says so. One task at a time: a process per core is how a machine runs more.
 *
 * <p>Idle, it costs little: its request for work is a long poll that the coordinator holds for up
 * to {@link #TASK_WAIT}, and its heartbeats slow to one per {@link #IDLE_BEATS} intervals (1 s by
 * default, enough to stay alive in the coordinator's eyes; while an attempt runs they go at the
 * configured interval, which carries its progress).
 */
public final class Worker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final int REPORT_TRIES = 5;
    /** How long the coordinator may hold a request for work that it has no task for yet. */
    static final Duration TASK_WAIT = Duration.ofSeconds(2);
    /** How much longer than its wait a held request may take before the coordinator counts as silent. */
    private static final Duration TASK_WAIT_MARGIN = Duration.ofSeconds(2);
    /** A worker with no attempt running sends one heartbeat per this many intervals. */
    static final int IDLE_BEATS = 4;

    private final WorkerConfig config;
    private final String incarnation;
    private final RpcClient rpc;
    private final Apps apps;
    private final LocalPartitions partitions;
    private final WorkerCounters counters = new WorkerCounters();
    private final TaskRunner runner;
    private final Consumer<Boolean> reachability;
    private final AtomicLong round = new AtomicLong();
    private ScheduledExecutorService loop;
    private ScheduledExecutorService heartbeats;
    private volatile AttemptControl current;
    private volatile boolean stopped;
    private volatile Boolean reachable;
    private volatile long lastBeatNanos;

    /**
     * @param incarnation chosen anew at every start of the process
     * @param reachability told whenever the coordinator becomes reachable or unreachable
     */
    public Worker(WorkerConfig config, String incarnation, RpcClient rpc, Apps apps, LocalPartitions partitions,
            PartitionSource remote, Consumer<Boolean> reachability) {
        this.config = config;
        this.incarnation = incarnation;
        this.rpc = rpc;
        this.apps = apps;
        this.partitions = partitions;
        this.reachability = reachability;
        this.runner = new TaskRunner(config, partitions, remote, counters);
    }

    public synchronized void start() {
        partitions.clear();
        stopped = false;
        loop = Executors.newSingleThreadScheduledExecutor(daemon("mr-worker " + config.self()));
        heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("mr-heartbeat " + config.self()));
        long beat = config.heartbeatInterval().toNanos();
        lastBeatNanos = System.nanoTime() - IDLE_BEATS * beat;
        heartbeats.scheduleAtFixedRate(this::beat, 0, beat, TimeUnit.NANOSECONDS);
        loop.execute(this::pull);
        log.info("worker {} (incarnation {}) started, coordinator {}",
                config.self(), incarnation, config.coordinator());
    }

    /** Stops at once, as a crash would, but tidily: the running attempt is cancelled, nothing is reported. */
    @Override
    public synchronized void close() {
        stopped = true;
        AttemptControl running = current;
        if (running != null) {
            running.cancel();
        }
        if (loop != null) {
            loop.shutdownNow();
            heartbeats.shutdownNow();
        }
    }

    public String self() {
        return config.self();
    }

    public WorkerCounters counters() {
        return counters;
    }

    /** What the worker is doing, for health: the running attempt, or empty when idle. */
    public Optional<String> currentTask() {
        AttemptControl running = current;
        return running == null ? Optional.empty() : Optional.of(running.toString());
    }

    /** Whether the coordinator answered the latest message; false before the first answer. */
    public boolean coordinatorReachable() {
        return Boolean.TRUE.equals(reachable);
    }

    /**
     * Asks for work and runs it. After an empty answer it asks again at once if the coordinator held
     * the request (the wait was the pause), otherwise after {@code pollInterval}: the coordinator
     * did not answer, or it is one that answers at once.
     */
    private void pull() {
        long delay = config.pollInterval().toNanos();
        try {
            long asked = System.nanoTime();
            Optional<NextTaskReply> reply = rpc.call(config.coordinator(), MapReduceApi.NEXT_TASK,
                    new NextTaskRequest(config.self(), incarnation, TASK_WAIT.toMillis()),
                    TASK_WAIT.plus(TASK_WAIT_MARGIN));
            noteContact(reply.isPresent());
            if (reply.isPresent() && reply.get().task() != null) {
                run(reply.get().task());
                delay = 0;
            } else if (reply.isPresent() && System.nanoTime() - asked >= TASK_WAIT.toNanos() / 2) {
                delay = 0;
            }
        } catch (RuntimeException e) {
            // The loop must outlive any one bad answer or task; only a crash (an Error) ends it.
            log.warn("asking {} for work, or running it, failed: {}", config.coordinator(), e.toString());
        }
        if (!stopped) {
            loop.schedule(this::pull, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void run(TaskAssignment task) {
        AttemptControl control = new AttemptControl(task);
        current = control;
        TaskReport report;
        try {
            report = execute(control);
        } catch (TaskCancelledException e) {
            log.info("{}: cancelled", control);
            counters.tasksAborted.increment();
            discard(task);
            return;
        } finally {
            current = null;
        }
        if (stopped) {
            return;
        }
        Optional<Boolean> accepted = send(report);
        if (report.outcome() == AttemptOutcome.COMPLETED && accepted.orElse(true)) {
            counters.tasksCompleted.increment();
        } else {
            // Unanswered, a completed attempt's output stays: the coordinator may have taken it.
            discard(task);
        }
    }

    /** Runs the attempt; whatever the app throws becomes a FAILED report, as a crash of the task alone. */
    private TaskReport execute(AttemptControl control) {
        TaskAssignment task = control.task;
        log.info("{}: running", control);
        try {
            MapReduceApp app = apps.get(task.app());
            List<Long> partitionBytes = List.of();
            if (task.kind() == TaskKind.MAP) {
                partitionBytes = runner.map(app, control, round.get());
            } else {
                runner.reduce(app, control, round.get());
            }
            return new TaskReport(config.self(), incarnation, task.attempt(), AttemptOutcome.COMPLETED, null, List.of(),
                    partitionBytes);
        } catch (TaskRunner.OutputsLost e) {
            return reportOf(task, AttemptOutcome.OUTPUT_LOST, e.getMessage(), e.lost);
        } catch (TaskCancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (control.cancelled()) {
                throw new TaskCancelledException();
            }
            log.warn("{}: failed: {}", control, e.toString());
            counters.tasksFailed.increment();
            return reportOf(task, AttemptOutcome.FAILED, e.toString(), List.of());
        }
    }

    private TaskReport reportOf(TaskAssignment task, AttemptOutcome outcome, String error, List<MapOutput> lost) {
        return new TaskReport(config.self(), incarnation, task.attempt(), outcome, error, lost);
    }

    /**
     * Sends the report until the coordinator answers (repeating one is safe): whether it accepted
     * the attempt, or empty if it never answered.
     */
    private Optional<Boolean> send(TaskReport report) {
        for (int i = 0; i < REPORT_TRIES && !stopped; i++) {
            try {
                Optional<ReportReply> reply = rpc.call(config.coordinator(), MapReduceApi.REPORT, report);
                noteContact(reply.isPresent());
                if (reply.isPresent()) {
                    return Optional.of(reply.get().accepted());
                }
                TimeUnit.NANOSECONDS.sleep(config.pollInterval().toNanos());
            } catch (ProblemException e) {
                log.warn("report of attempt {} refused: {}", report.attempt(), e.toString());
                return Optional.of(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    /** Throws away what a losing or cancelled attempt wrote; never a file outside the output roots. */
    private void discard(TaskAssignment task) {
        if (task.kind() == TaskKind.MAP) {
            partitions.discard(task.job(), task.attempt());
        } else {
            try {
                Files.deleteIfExists(runner.outputFile(task));
            } catch (IOException | ProblemException e) {
                log.warn("could not delete {}: {}", task.outputFile(), e.toString());
            }
        }
    }

    private void beat() {
        AttemptControl running = current;
        long now = System.nanoTime();
        if (running == null && now - lastBeatNanos < IDLE_BEATS * config.heartbeatInterval().toNanos()) {
            return;
        }
        lastBeatNanos = now;
        long sent = round.incrementAndGet();
        List<AttemptProgress> progress = running == null ? List.of()
                : List.of(new AttemptProgress(running.task.attempt(), running.progress()));
        try {
            Optional<HeartbeatReply> reply = rpc.call(config.coordinator(), MapReduceApi.HEARTBEAT,
                    new Heartbeat(config.self(), incarnation, progress));
            noteContact(reply.isPresent());
            reply.ifPresent(r -> {
                if (running != null && r.abort().contains(running.task.attempt())) {
                    log.info("{}: the coordinator no longer wants it, cancelling", running);
                    running.cancel();
                }
                partitions.retainJobs(r.activeJobs(), sent);
            });
        } catch (RuntimeException e) {
            log.warn("heartbeat to {} failed: {}", config.coordinator(), e.toString());
        }
    }

    private void noteContact(boolean answered) {
        if (reachable == null || reachable != answered) {
            reachable = answered;
            log.info("coordinator {} is {}", config.coordinator(), answered ? "reachable" : "unreachable");
            reachability.accept(answered);
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
