package dev.ds.mapreduce.coordinator;

import dev.ds.api.mapreduce.AttemptOutcome;
import dev.ds.api.mapreduce.Heartbeat;
import dev.ds.api.mapreduce.HeartbeatReply;
import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobState;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.MapOutput;
import dev.ds.api.mapreduce.NextTaskReply;
import dev.ds.api.mapreduce.NextTaskRequest;
import dev.ds.api.mapreduce.ReportReply;
import dev.ds.api.mapreduce.Split;
import dev.ds.api.mapreduce.TaskAssignment;
import dev.ds.api.mapreduce.TaskKind;
import dev.ds.api.mapreduce.TaskReport;
import dev.ds.api.mapreduce.WorkerInfo;
import dev.ds.api.mapreduce.WorkerState;
import dev.ds.mapreduce.app.Apps;
import dev.ds.mapreduce.coordinator.WorkerRegistry.Death;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MapReduce master of the paper's section 3: jobs, their tasks, and which worker runs what.
 * Workers pull tasks, report heartbeats with progress and report outcomes; {@link #tick()} moves
 * time. The rules, each in one place:
 *
 * <ol>
 *   <li><b>Order.</b> The oldest running job's work goes first: its maps in order, then, once every
 *       map is completed, its reduces; a worker with nothing else to do gets a backup ({@link #nextTask}).
 *   <li><b>Liveness.</b> A worker is dead after {@code workerTimeoutTicks} without a message, and an
 *       incarnation is dead once its worker restarts ({@link #lose}).
 *   <li><b>Loss.</b> A dead worker's attempts are lost, and so are its completed map outputs while a
 *       reduce task of their job still needs them; those tasks run again ({@link #lose}).
 *   <li><b>Lease.</b> An attempt whose progress counter has not grown for {@code taskTimeoutTicks}
 *       has stalled and is abandoned ({@link #tick}).
 *   <li><b>First wins.</b> The first attempt to report completion wins; a reduce output is renamed
 *       into place before the win counts; every other attempt of the task is aborted ({@link #complete}).
 *   <li><b>Failure.</b> A task whose app threw runs again, and its job fails after
 *       {@code maxTaskFailures} such failures ({@link #fail}).
 *   <li><b>Done.</b> A job succeeds when every reduce output is committed, never before ({@link #complete}).
 * </ol>
 *
 * <p>Every handler is a short synchronous transition under the object's lock. Two invariants are
 * checked on every change and kept on in production: a task has at most one winner, and a job
 * succeeds only with every output committed.
 */
public final class Coordinator {

    private static final Logger log = LoggerFactory.getLogger(Coordinator.class);

    private final CoordinatorSettings settings;
    private final Apps apps;
    private final Outputs outputs;
    private final InstantSource clock;
    private final String idPrefix;
    private final Backups backups;
    private final WorkerRegistry workers = new WorkerRegistry();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<Long, Attempt> attempts = new HashMap<>();
    /** Attempts whose output counts, so that a repeated report of a win is answered alike. */
    private final Map<Long, Attempt> winners = new HashMap<>();
    private final TaskCounters counters = new TaskCounters();
    private long now;
    private long jobsSubmitted;
    private long attemptsStarted;

    /**
     * @param clock only for the {@code lastSeen} times users see; the rules run on ticks
     * @param idPrefix starts every job id, so ids differ between runs of the coordinator
     */
    public Coordinator(CoordinatorSettings settings, Apps apps, Outputs outputs, InstantSource clock, String idPrefix) {
        this.settings = settings;
        this.apps = apps;
        this.outputs = outputs;
        this.clock = clock;
        this.idPrefix = idPrefix;
        this.backups = new Backups(settings.backupFactor(), settings.backupMinTicks());
    }

    /** Queues a job over {@code splits}, the inputs already checked and cut by the edge. */
    public synchronized JobStatus submit(JobRequest request, List<Split> splits) {
        if (apps.find(request.app()).isEmpty()) {
            throw ProblemException.badRequest("app: unknown app " + request.app()
                    + "; known: " + String.join(", ", apps.names()));
        }
        String id = idPrefix + (++jobsSubmitted);
        String outputDir = outputs.prepare(request.outputDir(), id);
        Job job = new Job(id, new JobRequest(request.app(), request.inputs(), request.nReduce(), outputDir), splits);
        jobs.put(id, job);
        log.info("job {}: submitted, app {}, {} map tasks, {} reduce tasks, output in {}",
                id, request.app(), job.maps.size(), job.reduces.size(), outputDir);
        return job.status();
    }

    public synchronized JobStatus job(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new ProblemException(ErrorCode.ErrNotFound, "no job " + id);
        }
        return job.status();
    }

    /** Every job, newest first. */
    public synchronized List<JobStatus> jobs() {
        List<JobStatus> all = new ArrayList<>(jobs.values().stream().map(Job::status).toList());
        Collections.reverse(all);
        return all;
    }

    public synchronized List<WorkerInfo> workers() {
        return workers.list();
    }

    /** Rule 1: hands an idle worker the first task that waits, else a backup, else nothing. */
    public synchronized NextTaskReply nextTask(NextTaskRequest request) {
        contact(request.worker(), request.incarnation());
        for (Job job : jobs.values()) {
            if (job.running()) {
                Optional<Task> idle = job.nextIdle();
                if (idle.isPresent()) {
                    return new NextTaskReply(assign(idle.get(), request, idle.get().rerunReason));
                }
            }
        }
        if (settings.backupTasks()) {
            Optional<Task> straggler = backups.pick(jobs.values(), request.worker(), now);
            if (straggler.isPresent()) {
                return new NextTaskReply(assign(straggler.get(), request, RerunReason.BACKUP));
            }
        }
        return NextTaskReply.NOTHING;
    }

    private TaskAssignment assign(Task task, NextTaskRequest to, RerunReason reason) {
        long id = ++attemptsStarted;
        Job job = task.job;
        String temporary = task.kind == TaskKind.REDUCE
                ? outputs.temporary(job.request.outputDir(), job.id, task.index, id) : null;
        Attempt attempt = new Attempt(id, task, to.worker(), to.incarnation(), now, temporary);
        task.running.add(attempt);
        task.attempts++;
        attempts.put(id, attempt);
        counters.countStart(task.kind, reason);
        log.info("{}: started{}", attempt, reason == null ? "" : " (re-run: " + reason + ")");
        List<MapOutput> mapOutputs = task.kind == TaskKind.REDUCE ? job.mapOutputs() : List.of();
        return new TaskAssignment(job.id, task.kind, task.index, id, job.request.app(), job.reduces.size(),
                task.split, mapOutputs, temporary);
    }

    /** Records a sign of life; renews the lease of each attempt that progressed; says which to abort. */
    public synchronized HeartbeatReply heartbeat(Heartbeat heartbeat) {
        contact(heartbeat.worker(), heartbeat.incarnation());
        List<Long> abort = new ArrayList<>();
        heartbeat.running().forEach(reported -> {
            Attempt attempt = attempts.get(reported.attempt());
            if (attempt == null || !attempt.runsOn(heartbeat.worker(), heartbeat.incarnation())) {
                abort.add(reported.attempt());
            } else if (reported.progress() > attempt.progress) {
                attempt.progress = reported.progress();
                attempt.lastProgressTick = now;
            }
        });
        List<String> active = jobs.values().stream().filter(Job::running).map(j -> j.id).toList();
        return new HeartbeatReply(abort, active);
    }

    /** The end of an attempt. Only a live attempt's report counts; a stale one is not accepted. */
    public synchronized ReportReply report(TaskReport report) {
        contact(report.worker(), report.incarnation());
        Attempt attempt = attempts.get(report.attempt());
        Attempt winner = winners.get(report.attempt());
        if (winner != null && winner.runsOn(report.worker(), report.incarnation())
                && report.outcome() == AttemptOutcome.COMPLETED) {
            return new ReportReply(true);
        }
        if (attempt == null || !attempt.runsOn(report.worker(), report.incarnation())) {
            log.info("attempt {} from {}: {} report ignored, the attempt is no longer live",
                    report.attempt(), report.worker(), report.outcome());
            return new ReportReply(false);
        }
        return switch (report.outcome()) {
            case COMPLETED -> {
                attempt.partitionBytes = report.partitionBytes();
                yield new ReportReply(complete(attempt));
            }
            case FAILED -> {
                fail(attempt, report.error());
                yield new ReportReply(true);
            }
            case OUTPUT_LOST -> {
                outputLost(attempt, report.lostOutputs());
                yield new ReportReply(true);
            }
        };
    }

    /** Rules 2 and 4: one tick passes; silent workers die and stalled attempts lose their lease. */
    public synchronized void tick() {
        now++;
        workers.expire(now, settings.workerTimeoutTicks()).forEach(this::lose);
        for (Attempt attempt : List.copyOf(attempts.values())) {
            if (now - attempt.lastProgressTick >= settings.taskTimeoutTicks()) {
                log.info("{}: no progress for {} ticks, lease expired", attempt, now - attempt.lastProgressTick);
                end(attempt, RerunReason.LEASE_EXPIRED);
            }
        }
    }

    public synchronized Stats stats() {
        int running = (int) jobs.values().stream().filter(Job::running).count();
        int succeeded = (int) jobs.values().stream().filter(j -> j.state == JobState.SUCCEEDED).count();
        return new Stats(running, succeeded, jobs.size() - running - succeeded,
                workers.count(WorkerState.ALIVE), workers.count(WorkerState.DEAD), counters.copy());
    }

    /**
     * A snapshot for health and metrics.
     *
     * @param jobsRunning jobs queued or running
     */
    public record Stats(int jobsRunning, int jobsSucceeded, int jobsFailed, long workersAlive, long workersDead,
            TaskCounters tasks) {
    }

    private void contact(String worker, String incarnation) {
        workers.contact(worker, incarnation, now, clock.instant()).ifPresent(this::lose);
    }

    /** Rules 2 and 3: everything a dead incarnation held is lost. */
    private void lose(Death death) {
        log.info("worker {}: dead ({}); its attempts and map outputs are lost", death.worker(), death.why());
        for (Attempt attempt : List.copyOf(attempts.values())) {
            if (attempt.runsOn(death.worker(), death.incarnation())) {
                end(attempt, RerunReason.WORKER_LOST);
            }
        }
        for (Job job : jobs.values()) {
            if (job.running() && !job.reducesDone()) {
                job.maps.stream()
                        .filter(map -> map.winner != null && map.winner.runsOn(death.worker(), death.incarnation()))
                        .forEach(map -> loseOutput(map, "its worker died"));
            }
        }
    }

    private void loseOutput(Task map, String why) {
        log.info("{}: output of attempt {} lost ({}), the map runs again", map, map.winner.id, why);
        winners.remove(map.winner.id);
        map.winner = null;
        map.rerunReason = RerunReason.OUTPUT_LOST;
    }

    /** Ends one attempt that did not win; its task runs again for {@code reason} if nothing else runs it. */
    private void end(Attempt attempt, RerunReason reason) {
        attempts.remove(attempt.id);
        Task task = attempt.task;
        task.running.remove(attempt);
        if (task.winner == null && task.running.isEmpty()) {
            task.rerunReason = reason;
        }
    }

    /** Rules 5 and 7. */
    private boolean complete(Attempt attempt) {
        Task task = attempt.task;
        Job job = task.job;
        if (task.winner != null) {
            throw new IllegalStateException("invariant: " + task + " already won by attempt " + task.winner.id);
        }
        if (task.kind == TaskKind.REDUCE) {
            String output = outputs.output(job.request.outputDir(), task.index);
            if (!outputs.commit(attempt.temporary, output)) {
                fail(attempt, "could not rename " + attempt.temporary + " to " + output);
                return false;
            }
            job.outputs[task.index] = output;
        }
        task.winner = attempt;
        winners.put(attempt.id, attempt);
        task.durationTicks = now - attempt.startedTick;
        counters.countCompletion(task.kind);
        log.info("{}: completed in {} ticks", attempt, task.durationTicks);
        for (Attempt other : List.copyOf(task.running)) {
            attempts.remove(other.id);
        }
        task.running.clear();
        if (job.reducesDone() && job.mapsDone()) {
            finish(job, JobState.SUCCEEDED, null);
        }
        return true;
    }

    /** Rule 6. */
    private void fail(Attempt attempt, String error) {
        Task task = attempt.task;
        task.failures++;
        counters.countFailure(task.kind);
        log.info("{}: failed ({} of {} allowed): {}", attempt, task.failures, settings.maxTaskFailures(), error);
        end(attempt, RerunReason.FAILED);
        if (task.failures >= settings.maxTaskFailures() && task.job.running()) {
            finish(task.job, JobState.FAILED, task.kind + " task " + task.index + " failed "
                    + task.failures + " times; last error: " + error);
        }
    }

    /** A reducer could not fetch some map outputs: those maps run again, and so does the reduce. */
    private void outputLost(Attempt attempt, List<MapOutput> lost) {
        Job job = attempt.task.job;
        log.info("{}: could not fetch {}", attempt, lost);
        end(attempt, RerunReason.OUTPUT_LOST);
        for (MapOutput output : lost) {
            if (output.map() >= 0 && output.map() < job.maps.size()) {
                Task map = job.maps.get(output.map());
                if (map.winner != null && map.winner.id == output.attempt()) {
                    loseOutput(map, "a reducer could not fetch it from " + output.worker());
                }
            }
        }
    }

    private void finish(Job job, JobState state, String error) {
        if (state == JobState.SUCCEEDED && Arrays.asList(job.outputs).contains(null)) {
            throw new IllegalStateException("invariant: job " + job.id + " succeeding with an uncommitted output");
        }
        job.state = state;
        job.error = error;
        job.tasks().forEach(task -> {
            task.running.forEach(attempt -> attempts.remove(attempt.id));
            task.running.clear();
        });
        outputs.cleanUp(job.request.outputDir(), job.id);
        log.info("job {}: {}{}", job.id, state, error == null ? "" : ": " + error);
    }
}
