package dev.ds.mapreduce.boot;

import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.WorkerInfo;
import dev.ds.mapreduce.coordinator.Coordinator;
import dev.ds.mapreduce.storage.InputFiles;
import dev.ds.rpc.Endpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The job API (CONTRACT.md section 6). */
@RestController
@Tag(name = "jobs", description = "Submit MapReduce jobs and follow them; list the workers")
class JobController {

    private final Coordinator coordinator;
    private final InputFiles inputFiles;
    private final TaskLongPoll longPoll;

    JobController(Coordinator coordinator, InputFiles inputFiles, TaskLongPoll longPoll) {
        this.coordinator = coordinator;
        this.inputFiles = inputFiles;
        this.longPoll = longPoll;
    }

    @PostMapping("/api/jobs")
    @Operation(summary = "Submit a job",
            description = "Queues the app over the inputs (files the coordinator and every worker can read); "
                    + "the output is outputDir/mr-out-<r> for r in 0..nReduce-1.")
    @ApiResponse(responseCode = "201", description = "queued; Location names the job")
    @ApiResponse(responseCode = "400", description = "ErrBadRequest: unknown app, missing or unreadable input, "
            + "an input outside mapreduce.input-roots or an outputDir outside mapreduce.output-roots, "
            + "nReduce < 1, or a malformed body")
    ResponseEntity<JobStatus> submit(@RequestBody JobRequest request) {
        JobStatus status = coordinator.submit(request, inputFiles.split(request.inputs()));
        longPoll.changed();
        return ResponseEntity.created(URI.create("/api/jobs/" + Endpoint.segment(status.id()))).body(status);
    }

    @GetMapping("/api/jobs/{id}")
    @Operation(summary = "A job's status: state, phase, progress, every task, the final outputs")
    @ApiResponse(responseCode = "200", description = "the job's status")
    @ApiResponse(responseCode = "404", description = "ErrNotFound: no such job")
    JobStatus job(@PathVariable String id) {
        return coordinator.job(id);
    }

    @GetMapping("/api/jobs")
    @Operation(summary = "Every job, newest first")
    List<JobStatus> jobs() {
        return coordinator.jobs();
    }

    @GetMapping("/api/workers")
    @Operation(summary = "Every worker the coordinator has heard from, ALIVE or DEAD")
    List<WorkerInfo> workers() {
        return coordinator.workers();
    }
}
