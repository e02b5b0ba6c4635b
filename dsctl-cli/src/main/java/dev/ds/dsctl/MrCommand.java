package dev.ds.dsctl;

import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobState;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.TaskState;
import dev.ds.api.mapreduce.TaskStatus;
import dev.ds.api.mapreduce.WorkerInfo;
import dev.ds.api.mapreduce.WorkerState;
import dev.ds.client.NoReplyException;
import dev.ds.client.mapreduce.MapReduceClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dsctl mr submit|jobs|workers}: MapReduce jobs, followed live. */
@Command(name = "mr", mixinStandardHelpOptions = true,
        description = "Submit MapReduce jobs and follow them; list jobs and workers.")
final class MrCommand {

    @ParentCommand
    Dsctl root;

    @Command(name = "submit", description = "Submit a job over FILEs and follow it to the end with a progress bar "
            + "(tasks and bytes per phase, workers busy). Exit 0 when it SUCCEEDED, 5 when it FAILED.")
    int submit(@Parameters(paramLabel = "FILE", arity = "1..*", description = "input files, as the nodes see them")
            List<Path> inputs,
            @Option(names = "--app", required = true, description = "wordcount, indexer, or a user app") String app,
            @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "folder for mr-out-<r>")
            Path output,
            @Option(names = "--reduce", defaultValue = "3", paramLabel = "R", description = "reduce tasks (default: "
                    + "${DEFAULT-VALUE})") int nReduce,
            @Option(names = "--detach", description = "print the job id and return at once") boolean detach,
            @Option(names = "--max-wait", defaultValue = "3600", paramLabel = "SECONDS",
                    description = "stop following after this long; exit 4 (default: ${DEFAULT-VALUE})") long maxWait)
            throws InterruptedException {
        JobRequest request = new JobRequest(app, inputs.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .toList(), nReduce, output.toAbsolutePath().normalize().toString());
        try (MapReduceClient client = client()) {
            JobStatus job = client.submit(request);
            if (detach) {
                print(job, job.id());
                return ExitCodes.OK;
            }
            return follow(client, job.id(), maxWait);
        }
    }

    @Command(name = "jobs", description = "List jobs, newest first.")
    int jobs() {
        List<JobStatus> jobs;
        try (MapReduceClient client = client()) {
            jobs = client.jobs();
        }
        if (root.json()) {
            Table.json(root.out(), jobs);
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "APP", "STATE", "PHASE", "MAP", "REDUCE", "INPUT");
        jobs.forEach(j -> table.row(j.id(), j.app(), j.state(), j.phase(),
                j.map().completed() + "/" + j.map().total(), j.reduce().completed() + "/" + j.reduce().total(),
                ProgressLine.bytes(j.map().completedBytes()) + "/" + ProgressLine.bytes(j.map().bytes())));
        table.print(root.out());
        return ExitCodes.OK;
    }

    @Command(name = "workers", description = "List the workers the coordinator knows, and what each runs.")
    int workers() {
        List<WorkerInfo> workers;
        List<JobStatus> jobs;
        try (MapReduceClient client = client()) {
            workers = client.workers();
            jobs = client.jobs();
        }
        if (root.json()) {
            Table.json(root.out(), workers);
            return ExitCodes.OK;
        }
        Table table = new Table("WORKER", "STATE", "LAST SEEN", "RUNNING");
        for (WorkerInfo worker : workers) {
            String running = jobs.stream().flatMap(j -> j.tasks().stream()
                    .filter(t -> t.state() == TaskState.RUNNING && worker.id().equals(t.worker()))
                    .map(t -> j.id() + " " + t.kind() + " " + t.index())).findFirst().orElse("idle");
            table.row(root.topology().nameOf(worker.id()), worker.state(), worker.lastSeen(), running);
        }
        table.print(root.out());
        return ExitCodes.OK;
    }

    /** Polls the job, redrawing one progress line (a new line per change when not on a terminal). */
    private int follow(MapReduceClient client, String id, long maxWaitSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxWaitSeconds);
        long start = System.nanoTime();
        String shown = null;
        while (true) {
            JobStatus job = client.job(id);
            String line = ProgressLine.of(job, busyWorkers(job), aliveWorkers(client));
            if (!root.json() && !line.equals(shown)) {
                if (root.terminal()) {
                    root.out().print("\r" + line + "\u001b[K");
                } else {
                    root.out().println(line);
                }
                root.out().flush();
                shown = line;
            }
            if (job.ended()) {
                if (root.terminal() && !root.json()) {
                    root.out().println();
                }
                return finished(job, (System.nanoTime() - start) / 1e9);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new NoReplyException("job " + id + " still " + job.phase() + " after " + maxWaitSeconds + " s");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private int finished(JobStatus job, double seconds) {
        if (root.json()) {
            Table.json(root.out(), job);
        } else if (job.state() == JobState.SUCCEEDED) {
            root.out().printf("job %s SUCCEEDED in %.1f s: %d output files%n", job.id(), seconds, job.outputs().size());
            job.outputs().forEach(o -> root.out().println("  " + o));
        }
        if (job.state() == JobState.FAILED) {
            root.spec().commandLine().getErr().println("dsctl: job " + job.id() + " FAILED: " + job.error());
            return ExitCodes.UNHEALTHY;
        }
        return ExitCodes.OK;
    }

    private static long busyWorkers(JobStatus job) {
        return job.tasks().stream().filter(t -> t.state() == TaskState.RUNNING).map(TaskStatus::worker)
                .filter(Objects::nonNull).distinct().count();
    }

    private static long aliveWorkers(MapReduceClient client) {
        return client.workers().stream().filter(w -> w.state() == WorkerState.ALIVE).count();
    }

    private void print(JobStatus job, String text) {
        if (root.json()) {
            Table.json(root.out(), job);
        } else {
            root.out().println(text);
        }
    }

    private MapReduceClient client() {
        return root.configure(MapReduceClient.builder().coordinator(root.topology().urls("coordinator").get(0))).build();
    }
}
